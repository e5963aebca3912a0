package cg.lawenforcement.web;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Liveness (the process answers) and readiness (its database answers), as every department serves them. */
@RestController
public class Health {
  private final MongoTemplate mongo;

  public Health(MongoTemplate mongo) {
    this.mongo = mongo;
  }

  @GetMapping("/health/live")
  public Map<String, Object> live() {
    return Map.of("status", "ok", "pid", ProcessHandle.current().pid());
  }

  @GetMapping("/health/ready")
  public ResponseEntity<Map<String, Object>> ready() {
    try {
      // At most 2 s: a readiness probe must not hang on the driver's server selection.
      CompletableFuture.runAsync(() -> mongo.executeCommand(new Document("ping", 1))).get(2, TimeUnit.SECONDS);
      return ResponseEntity.ok(Map.of("status", "ready", "database", "up"));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return ResponseEntity.status(503).body(Map.of("status", "not ready", "reason", "interrupted"));
    } catch (ExecutionException | TimeoutException | RuntimeException e) {
      return ResponseEntity.status(503).body(Map.of("status", "not ready", "reason", "database unavailable"));
    }
  }
}
