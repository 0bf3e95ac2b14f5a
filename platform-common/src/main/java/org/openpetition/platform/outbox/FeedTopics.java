package org.openpetition.platform.outbox;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.openpetition.contracts.Topics;

/**
 * Creates a department's feed topic (dept.&lt;code&gt;.cases.v1) before the first event is sent to it: a
 * department's feed exists from its first case on, without a topic per unit of the directory declared by
 * hand, and the cluster keeps automatic topic creation off. The partitions and replicas are the broker's
 * defaults. Topics known to exist are remembered.
 */
final class FeedTopics implements AutoCloseable {

    private final Admin admin;
    private final Set<String> known = ConcurrentHashMap.newKeySet();

    FeedTopics(Properties connection) {
        this.admin = Admin.create(connection);
    }

    /** Ensures every feed topic among {@code topics} exists; other topics are left to the deployment. */
    void ensure(Collection<String> topics) {
        List<NewTopic> missing = topics.stream().distinct()
                .filter(t -> t.startsWith(Topics.DEPARTMENT_FEED_PREFIX) && !known.contains(t))
                .map(t -> new NewTopic(t, Optional.empty(), Optional.empty())).toList();
        if (missing.isEmpty()) {
            return;
        }
        admin.createTopics(missing).values().forEach((topic, result) -> {
            try {
                result.get(15, TimeUnit.SECONDS);
                known.add(topic);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof TopicExistsException) {
                    known.add(topic);
                }
                // any other failure: the send that follows fails and the relay retries the row
            } catch (TimeoutException e) {
                // as above
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    @Override
    public void close() {
        admin.close(java.time.Duration.ofSeconds(5));
    }
}
