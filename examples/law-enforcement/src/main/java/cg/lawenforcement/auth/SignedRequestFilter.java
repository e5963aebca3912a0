package cg.lawenforcement.auth;

import cg.lawenforcement.LawEnforcementApplication;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.LongSupplier;
import java.util.regex.Pattern;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses with 401, before any GraphQL is parsed, a request to /graphql that is unsigned, wrongly signed, altered,
 * stale or replayed, exactly as a department of the repository does (kit/src/auth/signing.ts). The verified identity
 * and request id travel on as request attributes.
 */
public class SignedRequestFilter extends OncePerRequestFilter {
  public static final String IDENTITY_ATTRIBUTE = "cg.identity";
  public static final String REQUEST_ID_ATTRIBUTE = "cg.requestId";
  private static final Pattern TIMESTAMP = Pattern.compile("^\\d{1,16}$");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final String secret;
  private final long windowMs;
  private final int bodyLimit;
  private final NonceStore nonces;
  private final LongSupplier clock;

  public SignedRequestFilter(String secret, long windowMs, int bodyLimit, NonceStore nonces) {
    this(secret, windowMs, bodyLimit, nonces, System::currentTimeMillis);
  }

  /** `clock`: milliseconds since the epoch (tests replay the protocol's vectors at their fixed time). */
  public SignedRequestFilter(String secret, long windowMs, int bodyLimit, NonceStore nonces, LongSupplier clock) {
    this.secret = secret;
    this.windowMs = windowMs;
    this.bodyLimit = bodyLimit;
    this.nonces = nonces;
    this.clock = clock;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest req, HttpServletResponse res, FilterChain chain) throws ServletException, IOException {
    if (!"POST".equals(req.getMethod())) {
      refuse(res, "only signed POST requests are accepted");
      return;
    }
    String timestamp = req.getHeader(RequestSigning.TIMESTAMP);
    String nonce = req.getHeader(RequestSigning.NONCE);
    String signature = req.getHeader(RequestSigning.SIGNATURE);
    if (empty(timestamp) || empty(nonce) || empty(signature)) {
      refuse(res, "unsigned");
      return;
    }
    if (!TIMESTAMP.matcher(timestamp).matches() || Math.abs(clock.getAsLong() - Long.parseLong(timestamp)) > windowMs) {
      refuse(res, "stale");
      return;
    }
    if (req.getContentLengthLong() > bodyLimit) {
      res.sendError(413);
      return;
    }
    byte[] body = req.getInputStream().readNBytes(bodyLimit + 1);
    if (body.length > bodyLimit) {
      res.sendError(413);
      return;
    }
    String identityHeader = orEmpty(req.getHeader(RequestSigning.IDENTITY));
    String requestId = orEmpty(req.getHeader(RequestSigning.REQUEST_ID));
    String payload = RequestSigning.payload(LawEnforcementApplication.DEPARTMENT, timestamp, nonce, requestId, identityHeader, body);
    if (!RequestSigning.verify(secret, payload, signature)) {
      refuse(res, "bad signature");
      return;
    }
    boolean fresh;
    try {
      // Remembered for twice the window from the signer's clock: replicas' clocks may differ by up to the window.
      fresh = nonces.claim(nonce, Long.parseLong(timestamp) + 2 * windowMs);
    } catch (RuntimeException e) {
      // The replay cache is the database: while it is unreachable nothing is executed, and the caller retries.
      write(res, 200, Map.of("errors", List.of(Map.of("message", "the database is unavailable; try again shortly", "extensions", Map.of("code", "DATABASE_UNAVAILABLE")))));
      return;
    }
    if (!fresh) {
      refuse(res, "replayed");
      return;
    }
    Identity identity;
    try {
      identity = IdentityCodec.decode(identityHeader);
    } catch (IllegalArgumentException e) {
      refuse(res, "malformed identity");
      return;
    }
    req.setAttribute(IDENTITY_ATTRIBUTE, identity == null ? Anonymous.INSTANCE : identity);
    req.setAttribute(REQUEST_ID_ATTRIBUTE, requestId.isEmpty() ? UUID.randomUUID().toString() : requestId);
    chain.doFilter(new CachedBody(req, body), res);
  }

  /** Marks a verified request without an identity (request attributes cannot hold null). */
  public enum Anonymous { INSTANCE }

  private static boolean empty(String s) {
    return s == null || s.isEmpty();
  }

  private static String orEmpty(String s) {
    return s == null ? "" : s;
  }

  private static void refuse(HttpServletResponse res, String reason) throws IOException {
    write(res, 401, Map.of("errors", List.of(Map.of("message", "request refused: " + reason, "extensions", Map.of("code", "UNAUTHENTICATED", "reason", reason)))));
  }

  private static void write(HttpServletResponse res, int status, Object body) throws IOException {
    res.setStatus(status);
    res.setContentType("application/json");
    res.setCharacterEncoding("UTF-8");
    JSON.writeValue(res.getOutputStream(), body);
  }

  /** The request with its body already read (the signature needs the exact bytes), readable once more. */
  private static final class CachedBody extends HttpServletRequestWrapper {
    private final byte[] body;

    CachedBody(HttpServletRequest request, byte[] body) {
      super(request);
      this.body = body;
    }

    @Override
    public ServletInputStream getInputStream() {
      ByteArrayInputStream in = new ByteArrayInputStream(body);
      return new ServletInputStream() {
        @Override
        public int read() throws IOException {
          return in.read();
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
          return in.read(b, off, len);
        }

        @Override
        public boolean isFinished() {
          return in.available() == 0;
        }

        @Override
        public boolean isReady() {
          return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
          throw new UnsupportedOperationException();
        }
      };
    }

    @Override
    public java.io.BufferedReader getReader() {
      return new java.io.BufferedReader(new java.io.InputStreamReader(getInputStream(), java.nio.charset.StandardCharsets.UTF_8));
    }
  }
}
