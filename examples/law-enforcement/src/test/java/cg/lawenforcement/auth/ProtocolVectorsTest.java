package cg.lawenforcement.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * The repository's protocol test vectors (docs/department-protocol-vectors.json, generated from the gateway's own
 * signing code): every signature computed here must equal the expected one, and the filter must answer every
 * verification case as listed, at the vectors' fixed clock with a fresh nonce store.
 */
class ProtocolVectorsTest {
  private static final JsonNode VECTORS = load();

  private static JsonNode load() {
    try {
      return new ObjectMapper().readTree(new File("../../docs/department-protocol-vectors.json"));
    } catch (java.io.IOException e) {
      throw new IllegalStateException("docs/department-protocol-vectors.json not found beside examples/", e);
    }
  }

  @Test
  void developmentSecrets() {
    VECTORS.path("developmentSecret").path("examples").fields()
        .forEachRemaining(e -> assertEquals(e.getValue().asText(), RequestSigning.secret(e.getKey(), Map.of()), e.getKey()));
  }

  @Test
  void signatures() {
    assertFalse(VECTORS.path("signing").isEmpty());
    for (JsonNode vector : VECTORS.path("signing")) {
      String name = vector.path("name").asText();
      JsonNode in = vector.path("input");
      JsonNode expected = vector.path("expected");
      byte[] body = in.path("body").asText().getBytes(StandardCharsets.UTF_8);
      String identityHeader = expected.path("identityHeader").asText();
      assertEquals(expected.path("bodySha256").asText(), RequestSigning.sha256Hex(body), name);
      String payload = RequestSigning.payload(in.path("target").asText(), in.path("timestamp").asText(), in.path("nonce").asText(), in.path("requestId").asText(), identityHeader, body);
      assertEquals(expected.path("payload").asText(), payload, name);
      String signature = expected.path("headers").path(RequestSigning.SIGNATURE).asText();
      assertEquals(signature, RequestSigning.sign(in.path("secret").asText(), payload), name);
      assertTrue(RequestSigning.verify(in.path("secret").asText(), payload, signature), name);
      // The header decodes to the identity that was signed.
      Identity identity = IdentityCodec.decode(identityHeader);
      if (in.path("identity").isNull()) {
        assertNull(identity, name);
      } else {
        assertEquals(in.path("identity").path("subject").asText(), identity.subject(), name);
        assertEquals(in.path("identity").path("role").asText(), identity.role(), name);
        assertEquals(in.path("identity").path("department").asText(), identity.department(), name);
      }
    }
  }

  @Test
  void verificationCasesInOrder() throws Exception {
    JsonNode verification = VECTORS.path("verification");
    Set<String> seen = new HashSet<>();
    NonceStore nonces = new NonceStore(null) {
      @Override
      public boolean claim(String nonce, long expiresAtMs) {
        return seen.add(nonce);
      }
    };
    long now = verification.path("now").asLong();
    SignedRequestFilter filter = new SignedRequestFilter(verification.path("secret").asText(), verification.path("windowMs").asLong(), 1 << 20, nonces, () -> now);
    List<String> failures = new ArrayList<>();
    for (JsonNode c : verification.path("cases")) {
      MockHttpServletRequest req = new MockHttpServletRequest(c.path("method").asText("POST"), "/graphql");
      c.path("headers").fields().forEachRemaining(h -> req.addHeader(h.getKey(), h.getValue().asText()));
      req.setContent(c.path("body").asText().getBytes(StandardCharsets.UTF_8));
      MockHttpServletResponse res = new MockHttpServletResponse();
      MockFilterChain chain = new MockFilterChain();
      filter.doFilter(req, res, chain);
      JsonNode expect = c.path("expect");
      int status = chain.getRequest() != null ? 200 : res.getStatus();
      String body = res.getContentAsString(StandardCharsets.UTF_8);
      boolean ok = status == expect.path("status").asInt()
          && (expect.path("reason").isMissingNode() || body.contains("\"reason\":\"" + expect.path("reason").asText() + "\""))
          && (expect.path("code").isMissingNode() || body.contains("\"code\":\"" + expect.path("code").asText() + "\""));
      if (!ok) failures.add(c.path("name").asText() + ": got " + status + " " + body);
    }
    assertTrue(failures.isEmpty(), String.join("\n", failures));
  }
}
