package cg.lawenforcement.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The gateway's request signature (kit/src/auth/signing.ts, docs/department-protocol.md): HMAC-SHA256, with the
 * target department's secret, of "cg-v1", the target's name, the timestamp, the nonce, the request id, the identity
 * header and the SHA-256 of the exact body bytes, joined by newlines, in lowercase hex.
 */
public final class RequestSigning {
  public static final String IDENTITY = "x-cg-identity";
  public static final String TIMESTAMP = "x-cg-timestamp";
  public static final String NONCE = "x-cg-nonce";
  public static final String SIGNATURE = "x-cg-signature";
  public static final String REQUEST_ID = "x-request-id";

  private RequestSigning() {}

  /** `law-enforcement` → `LAW_ENFORCEMENT`, as the repository names per-department settings. */
  public static String envName(String name) {
    return name.toUpperCase().replaceAll("[^A-Z0-9]", "_");
  }

  /**
   * `<NAME>_HMAC_SECRET` (at least 32 characters); outside production (NODE_ENV=production, as the gateway reads it)
   * the development secret the gateway derives from the name, so a local run needs no configuration.
   */
  public static String secret(String name, Map<String, String> env) {
    String configured = env.get(envName(name) + "_HMAC_SECRET");
    if (configured != null && !configured.isEmpty()) {
      if (configured.length() < 32) throw new IllegalStateException(envName(name) + "_HMAC_SECRET must be at least 32 characters");
      return configured;
    }
    if ("production".equals(env.get("NODE_ENV"))) throw new IllegalStateException(envName(name) + "_HMAC_SECRET is required when NODE_ENV=production");
    return hmacHex("cg-development-only", name.getBytes(StandardCharsets.UTF_8));
  }

  public static String sha256Hex(byte[] body) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  public static String payload(String target, String timestamp, String nonce, String requestId, String identity, byte[] body) {
    return String.join("\n", "cg-v1", target, timestamp, nonce, requestId, identity, sha256Hex(body));
  }

  public static String hmacHex(String secret, byte[] data) {
    return HexFormat.of().formatHex(hmac(secret, data));
  }

  private static byte[] hmac(String secret, byte[] data) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return mac.doFinal(data);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  public static String sign(String secret, String payload) {
    return hmacHex(secret, payload.getBytes(StandardCharsets.UTF_8));
  }

  /** Constant-time comparison of the given hex signature with the expected one; malformed hex never matches. */
  public static boolean verify(String secret, String payload, String givenHex) {
    byte[] given;
    try {
      given = HexFormat.of().parseHex(givenHex);
    } catch (IllegalArgumentException e) {
      return false;
    }
    return MessageDigest.isEqual(given, hmac(secret, payload.getBytes(StandardCharsets.UTF_8)));
  }
}
