package cg.lawenforcement.violations;

import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Component;

/** The indexes the queries use, created at start (plain single and compound indexes, which FerretDB v1 supports). */
@Component
public class Indexes {
  private final MongoTemplate mongo;

  public Indexes(MongoTemplate mongo) {
    this.mongo = mongo;
  }

  @EventListener(ApplicationReadyEvent.class)
  public void ensure() {
    try {
      mongo.indexOps(Violation.class).ensureIndex(new Index().on("jointCaseId", Sort.Direction.ASC));
      mongo.indexOps(Violation.class).ensureIndex(new Index().on("buildingId", Sort.Direction.ASC).on("open", Sort.Direction.ASC));
      mongo.indexOps("audit_records").ensureIndex(new Index().on("subject", Sort.Direction.ASC));
    } catch (RuntimeException e) {
      // The database may be down at start: readiness says so, and the next start creates them.
      LoggerFactory.getLogger(Indexes.class).warn("indexes not ensured: {}", e.getMessage());
    }
  }
}
