package cg.lawenforcement.violations;

import java.util.List;
import java.util.function.Function;

/** A cursor connection page, as the other departments serve lists (`first`, `after`, PageInfo). */
public record Connection<T>(long totalCount, List<Edge<T>> edges, PageInfo pageInfo) {
  public record Edge<T>(String cursor, T node) {}

  public record PageInfo(boolean hasNextPage, String endCursor) {}

  /** `rows` holds up to first + 1 rows: the extra one only says whether another page follows. */
  public static <T> Connection<T> of(long totalCount, List<T> rows, int first, Function<T, String> cursor) {
    List<T> page = rows.size() > first ? rows.subList(0, first) : rows;
    List<Edge<T>> edges = page.stream().map(row -> new Edge<>(cursor.apply(row), row)).toList();
    return new Connection<>(totalCount, edges, new PageInfo(rows.size() > first, edges.isEmpty() ? null : edges.get(edges.size() - 1).cursor()));
  }
}
