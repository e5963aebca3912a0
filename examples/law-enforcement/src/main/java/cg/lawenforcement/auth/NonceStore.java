package cg.lawenforcement.auth;

import java.util.Date;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Nonces already seen, in the department's own database so every replica shares them: claiming one is an insert
 * keyed by the nonce (atomic on MongoDB and FerretDB alike), and a second claim fails on the duplicate key.
 * FerretDB has no TTL index, so expired nonces are removed by a scheduled sweep.
 */
@Component
public class NonceStore {
  static final String COLLECTION = "signed_nonces";
  private final MongoTemplate mongo;

  public NonceStore(MongoTemplate mongo) {
    this.mongo = mongo;
  }

  /** True when the nonce was new (and is now remembered until `expiresAtMs`); false for a replay. */
  public boolean claim(String nonce, long expiresAtMs) {
    try {
      mongo.insert(new Document("_id", nonce).append("expiresAt", new Date(expiresAtMs)), COLLECTION);
      return true;
    } catch (DuplicateKeyException e) {
      return false;
    }
  }

  @Scheduled(fixedDelayString = "${cg.nonce-sweep-ms:60000}", initialDelayString = "${cg.nonce-sweep-ms:60000}")
  public void sweep() {
    try {
      mongo.remove(Query.query(Criteria.where("expiresAt").lt(new Date())), COLLECTION);
    } catch (RuntimeException e) {
      // The next sweep tries again; a stale nonce only takes space.
    }
  }
}
