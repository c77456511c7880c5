package org.prolo.platform.security;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.server.ResponseStatusException;

/**
 * Refuses request bodies above a limit (prolo.security.max-request-size, 1 MB by default)
 * with 413: no request of ours comes near it, and Jackson would otherwise buffer whatever
 * a client sends. The body is counted as it is read, so a chunked body without
 * Content-Length is caught too; the error surfaces inside the handler (Spring MVC or
 * FHIR), which answers in its own error format.
 */
class RequestSizeLimit extends OncePerRequestFilter {

	private final long maxBytes;

	RequestSizeLimit(long maxBytes) {
		this.maxBytes = maxBytes;
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
