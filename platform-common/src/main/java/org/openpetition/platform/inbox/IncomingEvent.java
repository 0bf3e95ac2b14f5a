package org.openpetition.platform.inbox;

import static org.openpetition.contracts.CloudEvent.HEADER_ID;
import static org.openpetition.contracts.CloudEvent.HEADER_TYPE;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/**
 * A CloudEvent read from a Kafka record in binary content mode: its id and type from the headers,
 * its data from the value.
 */
public record IncomingEvent(String id, String type, String key, String data) {

    /** Reads the event; a record without a CloudEvents id or type is rejected (it goes to the DLQ). */
    public static IncomingEvent of(ConsumerRecord<String, String> record) {
        String id = header(record, HEADER_ID);
        String type = header(record, HEADER_TYPE);
        if (id == null || type == null) {
            throw new InvalidEventException("record at " + record.topic() + "-" + record.partition() + "@"
                    + record.offset() + " has no " + (id == null ? HEADER_ID : HEADER_TYPE) + " header");
        }
        if (record.value() == null) {
            throw new InvalidEventException("event " + id + " has no data");
        }
        return new IncomingEvent(id, type, record.key(), record.value());
    }

    /** The data as the contract's record type. */
    public <T> T data(ObjectMapper json, Class<T> contract) {
        try {
            return json.readValue(data, contract);
        } catch (JsonProcessingException e) {
            // the reason travels to the dead-letter topic: it names the field, never the value (personal data)
            String field = e instanceof JsonMappingException mapping ? mapping.getPathReference() : "the JSON syntax";
            throw new InvalidEventException("event " + id + " does not match " + contract.getSimpleName() + " at "
                    + field + " (" + e.getClass().getSimpleName() + ")");
        }
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** A record that can never be processed; retrying will not help. */
    public static class InvalidEventException extends RuntimeException {
        public InvalidEventException(String message) {
            super(message);
        }
    }
}
