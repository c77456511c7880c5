package org.prolo.intake.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.server.ResponseStatusException;

/**
 * Refuses request bodies above a limit (1 MB by default) with 413: no intake request
 * comes near it, and Jackson would otherwise buffer whatever a client sends. The body is
 * counted as it is read, so a chunked body without Content-Length is caught too; the
 * error surfaces inside Spring MVC and is answered as problem+json by the advice.
 */
@Component
class RequestSizeLimit extends OncePerRequestFilter {

	private final long maxBytes;

	RequestSizeLimit(@Value("${intake.http.max-request-size:1MB}") DataSize maxSize) {
		this.maxBytes = maxSize.toBytes();
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		chain.doFilter(new Limited(request, maxBytes), response);
	}

	private static ResponseStatusException tooLarge(long maxBytes) {
		return new ResponseStatusException(HttpStatus.PAYLOAD_TOO_LARGE,
				"The request body is larger than " + maxBytes + " bytes.");
	}

	private static final class Limited extends HttpServletRequestWrapper {

		private final long maxBytes;

		private ServletInputStream stream;

		Limited(HttpServletRequest request, long maxBytes) {
			super(request);
			this.maxBytes = maxBytes;
		}

		@Override
		public ServletInputStream getInputStream() throws IOException {
			if (this.stream == null) {
				this.stream = new Counting(super.getInputStream(), getContentLengthLong(), this.maxBytes);
			}
			return this.stream;
		}

	}

	private static final class Counting extends ServletInputStream {

		private final ServletInputStream delegate;

		private final long declared;

		private final long maxBytes;

		private long read;

		Counting(ServletInputStream delegate, long declared, long maxBytes) {
			this.delegate = delegate;
			this.declared = declared;
			this.maxBytes = maxBytes;
		}

		@Override
		public int read() throws IOException {
			check(0);
			int b = this.delegate.read();
			if (b >= 0) {
				check(1);
			}
			return b;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			check(0);
			int n = this.delegate.read(buffer, offset, length);
			if (n > 0) {
				check(n);
			}
			return n;
		}

		// Unchecked on purpose: Jackson passes it through, so the advice answers 413
		// instead of "malformed body".
		private void check(int justRead) {
			this.read += justRead;
			if (this.declared > this.maxBytes || this.read > this.maxBytes) {
				throw tooLarge(this.maxBytes);
			}
		}

		@Override
		public boolean isFinished() {
			return this.delegate.isFinished();
		}

		@Override
		public boolean isReady() {
			return this.delegate.isReady();
		}

		@Override
		public void setReadListener(ReadListener listener) {
			this.delegate.setReadListener(listener);
		}

	}

}
