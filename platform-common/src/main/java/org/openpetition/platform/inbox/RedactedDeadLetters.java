package org.openpetition.platform.inbox;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.apache.kafka.common.serialization.Serializer;

/**
 * The value serializer of every dead-letter topic (the {@code dead-letter-queue.value.serializer} of each
 * incoming channel): a dead letter keeps its key (the case id), its headers (the CloudEvents id, type and
 * source, and the reason) and, instead of the event's data, which may carry personal data, only the data's
 * length and SHA-256. The data itself stays in the producer's outbox (kept for the outbox retention,
 * looked up by the CloudEvents id) for an operator who must replay it (docs/operations.md).
 */
public class RedactedDeadLetters implements Serializer<String> {

    @Override
    public byte[] serialize(String topic, String data) {
        if (data == null) {
            return null;
        }
        byte[] original = data.getBytes(StandardCharsets.UTF_8);
        return ("{\"redacted\":true,\"bytes\":" + original.length + ",\"sha256\":\"" + sha256(original) + "\"}")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
