package cg.lawenforcement.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Known inputs and the exact signatures the gateway's signing code (kit/src/auth/signing.ts) gives for them: a Java
 * department that verifies these accepts what the gateway sends.
 */
class RequestSigningTest {
  static final String TARGET = "law-enforcement";
  static final String TIMESTAMP = "1764640800000";
  static final String NONCE = "3f2c1b7e-5a4d-4e8f-9b6a-1c2d3e4f5a6b";
  static final String REQUEST_ID = "req-0001";
  /** base64url of {"subject":"law-clerk-1","department":"law-enforcement","role":"DEPARTMENT_CLERK","scope":{"communityIds":[],"gridIds":[]}} */
  static final String IDENTITY = "eyJzdWJqZWN0IjoibGF3LWNsZXJrLTEiLCJkZXBhcnRtZW50IjoibGF3LWVuZm9yY2VtZW50Iiwicm9sZSI6IkRFUEFSVE1FTlRfQ0xFUksiLCJzY29wZSI6eyJjb21tdW5pdHlJZHMiOltdLCJncmlkSWRzIjpbXX19";
  static final byte[] BODY = "{\"query\":\"{ violations(first: 1) { totalCount } }\"}".getBytes(StandardCharsets.UTF_8);
  static final String CONFIGURED = "a-configured-secret-of-32-characters!";

  @Test
  void developmentSecretIsDerivedFromTheName() {
    assertEquals("db77dce7b0e8450c7b23469d6fac123ddff07f2a5dba996c700d5d44f96084a7", RequestSigning.secret(TARGET, Map.of()));
  }

  @Test
  void bodyHashIsSha256Hex() {
    assertEquals("f686a97a4fa4a399fbe04c3ebd83d2ccbb9c4adaa1c1208fb63334f9c19c1b6a", RequestSigning.sha256Hex(BODY));
  }

  @Test
  void signsAsTheGatewayDoes() {
    String payload = RequestSigning.payload(TARGET, TIMESTAMP, NONCE, REQUEST_ID, IDENTITY, BODY);
    assertEquals("d76e3d002c00d7062629b84eb0b37f95a81690392249bfcaa5ccdb546612c1e3", RequestSigning.sign(RequestSigning.secret(TARGET, Map.of()), payload));
    String configured = RequestSigning.secret(TARGET, Map.of("LAW_ENFORCEMENT_HMAC_SECRET", CONFIGURED));
    assertEquals("f40613e27b78122c00d9dcbf371061fde97ca029f78f8bb988254396ee4233b9", RequestSigning.sign(configured, payload));
  }

  @Test
  void anonymousEmptyRequestIdAndBody() {
    String payload = RequestSigning.payload(TARGET, TIMESTAMP, "n-1", "", "", new byte[0]);
    assertEquals("614ba5d427e80e7b37dbe7affaa28f0f098512b6f842a99bab5b54a169a6eb55", RequestSigning.sign(RequestSigning.secret(TARGET, Map.of()), payload));
  }

  @Test
  void verifyRefusesAnythingAltered() {
    String secret = RequestSigning.secret(TARGET, Map.of());
    String good = "d76e3d002c00d7062629b84eb0b37f95a81690392249bfcaa5ccdb546612c1e3";
    assertTrue(RequestSigning.verify(secret, RequestSigning.payload(TARGET, TIMESTAMP, NONCE, REQUEST_ID, IDENTITY, BODY), good));
    byte[] altered = "{\"query\":\"{ violations(first: 2) { totalCount } }\"}".getBytes(StandardCharsets.UTF_8);
    assertFalse(RequestSigning.verify(secret, RequestSigning.payload(TARGET, TIMESTAMP, NONCE, REQUEST_ID, IDENTITY, altered), good));
    assertFalse(RequestSigning.verify(secret, RequestSigning.payload("party", TIMESTAMP, NONCE, REQUEST_ID, IDENTITY, BODY), good));
    assertFalse(RequestSigning.verify(secret, RequestSigning.payload(TARGET, "1764640800001", NONCE, REQUEST_ID, IDENTITY, BODY), good));
    assertFalse(RequestSigning.verify(secret, RequestSigning.payload(TARGET, TIMESTAMP, NONCE, REQUEST_ID, IDENTITY, BODY), "not-hex"));
  }

  @Test
  void configuredSecretMustBeLongAndIsRequiredInProduction() {
    assertThrows(IllegalStateException.class, () -> RequestSigning.secret(TARGET, Map.of("LAW_ENFORCEMENT_HMAC_SECRET", "short")));
    assertThrows(IllegalStateException.class, () -> RequestSigning.secret(TARGET, Map.of("NODE_ENV", "production")));
    assertEquals(CONFIGURED, RequestSigning.secret(TARGET, Map.of("NODE_ENV", "production", "LAW_ENFORCEMENT_HMAC_SECRET", CONFIGURED)));
  }
}
