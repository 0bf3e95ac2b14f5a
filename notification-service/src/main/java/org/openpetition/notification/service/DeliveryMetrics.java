package org.openpetition.notification.service;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.openpetition.notification.Channel;
import org.openpetition.notification.repository.DeliveryStore.Claimed;
import org.openpetition.notification.repository.DeliveryStore.Result;

/**
 * What delivery did, on {@code /q/metrics}: {@code notification_deliveries_total{channel, outcome}}
 * (sent, retry, failed, uncertain, limited: beyond the recipient's daily limit, not sent) for email and SMS, and {@code notification_delivery_latency_seconds},
 * from the event's time to the message's delivery, as a histogram per channel (an SMS held back by the
 * quiet hours counts its wait). Inbox messages are delivered as they are stored and are not counted here.
 */
@ApplicationScoped
public class DeliveryMetrics {

    private final MeterRegistry registry;
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();
    private final Map<Channel, Timer> latencies = new ConcurrentHashMap<>();

    public DeliveryMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** One attempt, once its outcome is stored. */
    public void attempted(Claimed message, Result result) {
        String outcome = switch (result.status()) {
            case SENT -> "sent";
            case QUEUED -> "retry";
            case LIMITED -> "limited";
            default -> "failed";
        };
        counter(message.channel(), outcome).increment();
        if (outcome.equals("sent") && message.eventTime() != null) {
            latency(message.channel()).record(Duration.between(message.eventTime(), result.at()));
        }
    }

    /** A send a crash interrupted (marked UNCERTAIN, not resent). */
    public void interrupted(Claimed message) {
        counter(message.channel(), "uncertain").increment();
    }

    private Counter counter(Channel channel, String outcome) {
        return counters.computeIfAbsent(channel + "/" + outcome, k -> Counter.builder("notification.deliveries")
                .description("email and SMS delivery attempts by outcome")
                .tag("channel", channel.name()).tag("outcome", outcome)
                .register(registry));
    }

    private Timer latency(Channel channel) {
        return latencies.computeIfAbsent(channel, c -> Timer.builder("notification.delivery.latency")
                .description("from the event's time to the message's delivery")
                .tag("channel", c.name())
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(10))
                .maximumExpectedValue(Duration.ofHours(12))
                .register(registry));
    }
}
