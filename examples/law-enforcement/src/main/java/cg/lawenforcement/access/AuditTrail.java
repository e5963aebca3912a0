package cg.lawenforcement.access;

import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentSkipListSet;

/** What one request read (fields marked `@access(data: …)`), called and was refused, for its access record. */
public final class AuditTrail {
  public final Set<String> fields = new ConcurrentSkipListSet<>();
  public final Set<String> entityIds = new ConcurrentSkipListSet<>();
  public final Set<String> refused = new ConcurrentSkipListSet<>();
  public volatile String operationType = "unknown";

  public boolean isEmpty() {
    return fields.isEmpty() && !"mutation".equals(operationType);
  }

  public Set<String> sortedFields() {
    return new TreeSet<>(fields);
  }
}
