package org.prolo.imaging;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class ImagingApplication {

	public static void main(String[] args) {
		SpringApplication.run(ImagingApplication.class, args);
	}

}
