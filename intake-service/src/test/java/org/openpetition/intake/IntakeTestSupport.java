package org.openpetition.intake;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.openpetition.devinfra.Infrastructure;
import org.openpetition.devinfra.SharedInfrastructure;

/** Shared helpers of the intake tests: tokens and a look into the service's real database. */
public final class IntakeTestSupport {

    private IntakeTestSupport() {
    }

    public static Infrastructure infra() {
        return SharedInfrastructure.get();
    }

    public static String token(String user) {
        return infra().keycloak().accessToken(user);
    }

    /** A valid petition body in the shape of the API. */
    public static String petitionJson(String channel) {
        return """
                {"channel": %s, "kind": "SOLUTION_REQUEST", "subjectCategory": "URBAN_HOUSING",
                 "localityCode": "511703", "addressText": "达川区翠屏街道",
                 "title": "小区加装电梯", "content": "我们小区六层住宅无电梯，老人上下楼困难，申请加装电梯。",
                 "eventDate": "2026-10-01",
                 "petitioners": [{"name": "张三", "phone": "13800138000", "address": "达川区翠屏街道1号"}]}
                """.formatted(channel == null ? "null" : "\"" + channel + "\"");
    }

    public static long count(String sql, Object... args) {
        try (Connection connection = DriverManager.getConnection(infra().postgres().jdbcUrl("intake"), "intake", "intake");
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                statement.setObject(i + 1, args[i]);
            }
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
