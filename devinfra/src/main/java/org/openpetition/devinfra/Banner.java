package org.openpetition.devinfra;

import java.nio.file.Path;

/** What the local run prints once everything is ready: where things are and how to try them. */
final class Banner {

    private Banner() {
    }

    static String text(Platform platform, Path workDir) {
        Infrastructure infra = platform.infrastructure();
        StringBuilder out = new StringBuilder();
        out.append("\nPetition platform 信访工作平台 - everything listens on 127.0.0.1 only\n\n");
        out.append("  Open " + platform.service(PlatformService.PORTAL).url()
                + "   the citizen portal and the staff workbench (sign in as a demo user below, or register)\n\n");
        for (ServiceProcess service : platform.services()) {
            if (!service.service().api()) {
                continue;
            }
            String management = service.managementUrl();
            out.append(String.format("  %-22s %s   (management: OpenAPI UI %s/q/swagger-ui, health %s/q/health,"
                    + " metrics %s/q/metrics)%n", service.service().module(), service.url(), management, management, management));
        }
        out.append(String.format("  %-22s %s   (admin console: admin / admin)%n", "Keycloak",
                "http://127.0.0.1:" + infra.keycloak().port()));
        out.append(String.format("  %-22s 127.0.0.1:%d   (databases intake, routing, supervision, notification, portal;"
                + " user = password = database name)%n", "PostgreSQL", infra.postgres().port()));
        out.append(String.format("  %-22s %s (platform services); %s (departmental systems: SASL SCRAM-SHA-512, demo user"
                + " %s / demo reads dept.511703-ZJJ.cases.v1 only)%n", "Kafka", infra.kafka().bootstrapServers(),
                infra.kafka().departmentBootstrapServers(), KafkaServer.departmentUser(LocalPlatform.DEMO_DEPARTMENT)));
        out.append(String.format("  %-22s SMTP 127.0.0.1:%d, IMAP 127.0.0.1:%d (any login)%n", "Mail",
                infra.smtp().smtpPort(), infra.smtp().imapPort()));
        out.append(String.format("  %-22s %s   (texts sent so far: curl %s)%n", "SMS gateway", infra.sms().url(),
                infra.sms().url()));
        out.append(String.format("  %-22s %s%n", "Logs", workDir.resolve("logs")));
        out.append("\nDemo users (password: demo), one per role: citizen (petitioner: submit, my petitions, inbox),"
                + " clerk (register letters, visits, calls),\n  dispatcher (dispatch queue), handler (department 511703-ZJJ's cases),"
                + " supervisor (supervision board), leader (owned cases, indicators),\n  reviewer, admin, auditor (indicators)\n");
        String intake = platform.service(PlatformService.INTAKE).url();
        String routing = platform.service(PlatformService.ROUTING).url();
        String supervision = platform.service(PlatformService.SUPERVISION).url();
        String notification = platform.service(PlatformService.NOTIFICATION).url();
        String tokenUrl = infra.keycloak().realmUrl() + "/protocol/openid-connect/token";
        out.append("\nOr try the APIs (copy and paste):\n\n");
        out.append(tokenCommand("TOKEN", "clerk", tokenUrl));
        out.append("  CASE=$(curl -s -X POST " + intake + "/api/petitions -H \"Authorization: Bearer $TOKEN\" \\\n"
                + "    -H 'Content-Type: application/json' -d '{\"channel\":\"LETTER\",\"kind\":\"SOLUTION_REQUEST\","
                + "\"subjectCategory\":\"URBAN_HOUSING\",\"localityCode\":\"511703\",\"title\":\"小区加装电梯\","
                + "\"content\":\"我们小区六层住宅无电梯，申请加装电梯，请予协调。\",\"petitioners\":[{\"name\":\"张三\"}]}' \\\n"
                + "    | sed 's/.*\"caseId\":\"\\([^\"]*\\)\".*/\\1/'); echo $CASE\n");
        out.append(tokenCommand("DTOKEN", "dispatcher", tokenUrl));
        out.append("  # routing, the case clock and the notice follow within a second (a few on the first petition)\n");
        out.append(poll(routing + "/api/assignments/$CASE", "DTOKEN"));
        out.append(poll(supervision + "/api/cases/$CASE", "DTOKEN"));
        out.append(tokenCommand("ATOKEN", "auditor", tokenUrl));
        out.append(poll(notification + "/api/notifications?caseId=$CASE", "ATOKEN"));
        out.append("\nStop: Ctrl-C here, or deploy/local/run.sh stop from another terminal.\n");
        return out.toString();
    }

    /** Repeats a GET for up to 15 s until it succeeds with something other than an empty list. */
    private static String poll(String url, String token) {
        return "  for i in $(seq 30); do R=$(curl -sf \"" + url + "\" -H \"Authorization: Bearer $" + token
                + "\") && [ \"$R\" != \"[]\" ] && break; sleep 0.5; done; echo \"$R\"\n";
    }

    private static String tokenCommand(String variable, String user, String tokenUrl) {
        return "  " + variable + "=$(curl -s " + tokenUrl + " -d grant_type=password -d client_id=petition-portal \\\n"
                + "    -d username=" + user + " -d password=demo | sed 's/.*\"access_token\":\"\\([^\"]*\\)\".*/\\1/')\n";
    }
}
