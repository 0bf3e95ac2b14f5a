package org.openpetition.platform.security;

/** The realm roles of the platform (deploy/keycloak/petition-realm.json). */
public final class Roles {

    /** 信访人: submits and follows own petitions. */
    public static final String CITIZEN = "citizen";
    /** 登记员: registers letters, visits and calls on a petitioner's behalf. */
    public static final String CLERK = "clerk";
    /** 交办员: routes, reassigns, assigns with a deadline. */
    public static final String DISPATCHER = "dispatcher";
    /** 承办人: handles the cases of one department. */
    public static final String HANDLER = "handler";
    /** 督办员: follows deadlines and supervision. */
    public static final String SUPERVISOR = "supervisor";
    /** 包案领导: a leader owning cases. */
    public static final String LEADER = "leader";
    public static final String ADMIN = "admin";
    /** Reads everything, changes nothing. */
    public static final String AUDITOR = "auditor";
    /** An Open311 GeoReport v2 client system (a city app, a hotline platform). */
    public static final String OPEN311_CLIENT = "open311-client";

    /** Every platform role; any other role in a token grants nothing. */
    public static final java.util.Set<String> ALL = java.util.Set.of(CITIZEN, CLERK, DISPATCHER, HANDLER, SUPERVISOR,
            LEADER, ADMIN, AUDITOR, OPEN311_CLIENT);

    private Roles() {
    }
}
