package cg.lawenforcement.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** The filter in front of /graphql: what passes, and the reason given for what is refused. */
class SignedRequestFilterTest {
  private static final String SECRET = RequestSigning.secret("law-enforcement", Map.of());
  private static final byte[] BODY = RequestSigningTest.BODY;

  /** Nonces in memory: the database's insert-or-fail, without the database. */
  private static final class MemoryNonces extends NonceStore {
    final Set<String> seen = new HashSet<>();

    MemoryNonces() {
      super(null);
    }

    @Override
    public boolean claim(String nonce, long expiresAtMs) {
      return seen.add(nonce);
    }
  }

  private final MemoryNonces nonces = new MemoryNonces();
  private final SignedRequestFilter filter = new SignedRequestFilter(SECRET, 60_000, 1 << 20, nonces);

  private static MockHttpServletRequest signed(long timestamp, String nonce, byte[] body) {
    MockHttpServletRequest req = new MockHttpServletRequest("POST", "/graphql");
    req.setContent(body);
    String ts = String.valueOf(timestamp);
    req.addHeader(RequestSigning.IDENTITY, RequestSigningTest.IDENTITY);
    req.addHeader(RequestSigning.REQUEST_ID, "req-1");
    req.addHeader(RequestSigning.TIMESTAMP, ts);
    req.addHeader(RequestSigning.NONCE, nonce);
    req.addHeader(RequestSigning.SIGNATURE, RequestSigning.sign(SECRET, RequestSigning.payload("law-enforcement", ts, nonce, "req-1", RequestSigningTest.IDENTITY, body)));
    return req;
  }

  private record Outcome(int status, String body, MockFilterChain chain) {}

  private Outcome run(MockHttpServletRequest req) throws Exception {
    MockHttpServletResponse res = new MockHttpServletResponse();
    MockFilterChain chain = new MockFilterChain();
    filter.doFilter(req, res, chain);
    return new Outcome(res.getStatus(), res.getContentAsString(StandardCharsets.UTF_8), chain);
  }

  @Test
  void passesASignedRequestWithItsIdentityAndTheSameBody() throws Exception {
    Outcome out = run(signed(System.currentTimeMillis(), UUID.randomUUID().toString(), BODY));
    assertEquals(200, out.status());
    var passed = out.chain().getRequest();
    assertEquals("law-clerk-1", ((Identity) passed.getAttribute(SignedRequestFilter.IDENTITY_ATTRIBUTE)).subject());
    assertEquals("req-1", passed.getAttribute(SignedRequestFilter.REQUEST_ID_ATTRIBUTE));
    assertEquals(new String(BODY, StandardCharsets.UTF_8), new String(passed.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
  }

  @Test
  void refusesUnsignedAlteredExpiredAndReplayed() throws Exception {
    MockHttpServletRequest unsigned = new MockHttpServletRequest("POST", "/graphql");
    unsigned.setContent(BODY);
    assertRefused(run(unsigned), "unsigned");

    MockHttpServletRequest altered = signed(System.currentTimeMillis(), UUID.randomUUID().toString(), BODY);
    altered.setContent("{\"query\":\"{ lawEnforcementAuditRecords { totalCount } }\"}".getBytes(StandardCharsets.UTF_8));
    assertRefused(run(altered), "bad signature");

    assertRefused(run(signed(System.currentTimeMillis() - 61_000, UUID.randomUUID().toString(), BODY)), "stale");
    assertRefused(run(signed(System.currentTimeMillis() + 61_000, UUID.randomUUID().toString(), BODY)), "stale");

    long now = System.currentTimeMillis();
    assertEquals(200, run(signed(now, "nonce-1", BODY)).status());
    assertRefused(run(signed(now, "nonce-1", BODY)), "replayed");

    MockHttpServletRequest get = new MockHttpServletRequest("GET", "/graphql");
    assertRefused(run(get), "only signed POST requests are accepted");
  }

  private static void assertRefused(Outcome out, String reason) {
    assertEquals(401, out.status(), out.body());
    assertTrue(out.body().contains("\"code\":\"UNAUTHENTICATED\"") && out.body().contains("\"reason\":\"" + reason + "\""), out.body());
    assertNull(out.chain().getRequest(), "a refused request must not reach GraphQL");
  }
}
