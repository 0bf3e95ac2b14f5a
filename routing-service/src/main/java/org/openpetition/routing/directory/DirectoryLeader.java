package org.openpetition.routing.directory;

/** A leader who may own cases (包案领导) at a locality. */
public record DirectoryLeader(String id, String name, String title, String localityCode, String email) {
}
