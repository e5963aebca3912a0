package cg.lawenforcement.auth;

import java.util.List;

/** Who asks, as the gateway verified it (kit/src/identity.ts); `purpose` may be null. */
public record Identity(String subject, String department, String role, List<String> communityIds, List<String> gridIds, String purpose) {}
