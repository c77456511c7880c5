package org.prolo.launcher;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.prolo.platform.demosignin.DemoSignIn;

/**
 * Prints an access token of the running stack's identity service, for curl:
 * {@code Token dr-ada} signs the demo user in (password = user id) through the real
 * authorization-code flow with PKCE; {@code Token --client prometheus} asks for a
 * client-credentials token (secret {@code <client>-secret} unless given). Only the token
 * goes to standard output, so {@code TOKEN=$(...)} works.
 */
public final class Token {

	static final String USAGE = """
			Usage: Token [--identity URL] USER [PASSWORD]        a demo user's access token (password = user id)
			       Token [--identity URL] --client ID [SECRET]   a client-credentials token (secret = ID-secret)
			The identity service defaults to %s; the token is valid for a few minutes."""
		.formatted(ServiceSpec.IDENTITY_URL);

	private Token() {
	}

	public static void main(String[] args) {
		List<String> rest = new ArrayList<>(Arrays.asList(args));
		String identity = ServiceSpec.IDENTITY_URL;
		if (rest.size() >= 2 && rest.get(0).equals("--identity")) {
			identity = rest.get(1);
			rest = rest.subList(2, rest.size());
		}
		boolean client = !rest.isEmpty() && rest.get(0).equals("--client");
		if (client) {
			rest = rest.subList(1, rest.size());
		}
		if (rest.isEmpty() || rest.size() > 2 || rest.get(0).startsWith("-")) {
			System.err.println(USAGE);
			System.exit(2);
			return;
		}
		String id = rest.get(0);
		DemoSignIn signIn = new DemoSignIn(identity);
		try {
			DemoSignIn.Token token = client ? signIn.clientToken(id, rest.size() == 2 ? rest.get(1) : id + "-secret")
					: signIn.signIn(id, rest.size() == 2 ? rest.get(1) : id);
			System.out.println(token.value());
		}
		catch (DemoSignIn.SignInFailedException ex) {
			System.err.println(ex.getMessage());
			System.exit(1);
		}
	}

}
