package org.prolo.identity.credentials;

/**
 * A setting that would let someone sign in with a password or secret that is known or
 * readable: the service does not start with it. The message names the setting, never its
 * value.
 */
public class UnsafeSettingException extends IllegalStateException {

	private final String setting;

	public UnsafeSettingException(String setting, String reason) {
		super(setting + ": " + reason);
		this.setting = setting;
	}

	public String setting() {
		return this.setting;
	}

}
