package org.openpetition.notification.service;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.openpetition.contracts.event.CaseAssignedV1;
import org.openpetition.contracts.event.PetitionerContactV1;
import org.openpetition.notification.repository.NoticeStore;
import org.openpetition.platform.inbox.ProcessedEvents;

/**
 * Applies a batch of events in one transaction: each event once (processed-event marks), the
 * recipients they tell of, then every notice they owe, rendered for every recipient and channel and
 * stored (unique per event, kind, recipient and channel, so a redelivered event sends nothing twice). An
 * event whose recipients have not arrived yet waits, and runs again when they arrive. Returns how many
 * messages were stored; the delivery is triggered by the caller.
 */
@ApplicationScoped
public class NoticeProcessor {

    public static final String CONSUMER = "notification-service";
    private static final Logger LOG = Logger.getLogger(NoticeProcessor.class);

    private final Pool pool;
    private final NoticeStore store;
    private final NoticeTranslator translator;
    private final RecipientResolver resolver;
    private final MessageComposer composer;

    public NoticeProcessor(Pool pool, NoticeStore store, NoticeTranslator translator, RecipientResolver resolver,
                           MessageComposer composer) {
        this.pool = pool;
        this.store = store;
        this.translator = translator;
        this.resolver = resolver;
        this.composer = composer;
    }

    /** What a batch produced. */
    public record Outcome(int events, int messages, int waiting) {
    }

    public Uni<Outcome> process(List<ReceivedEvent> events) {
        // translate first: an unreadable event fails before anything is written
        List<Translation> translations = events.stream().map(translator::translate).toList();
        Set<UUID> cases = new LinkedHashSet<>();
        translations.forEach(t -> {
            if (t.event().caseId() != null && !t.notices().isEmpty() || t.assigned() != null || t.contact() != null) {
                cases.add(t.event().caseId());
            }
        });
        return pool.withTransaction(conn -> store.lockCases(conn, cases)
                .chain(() -> ProcessedEvents.markFirst(conn, CONSUMER, events.stream().map(ReceivedEvent::id).toList()))
                .chain(fresh -> apply(conn, translations.stream().filter(t -> fresh.contains(t.event().id())).toList())));
    }

    private Uni<Outcome> apply(SqlConnection conn, List<Translation> fresh) {
        List<CaseAssignedV1> assigned = fresh.stream().map(Translation::assigned).filter(Objects::nonNull).toList();
        List<PetitionerContactV1> contacts = fresh.stream().map(Translation::contact).filter(Objects::nonNull).toList();
        Set<UUID> told = new HashSet<>();
        assigned.forEach(a -> told.add(a.caseId()));
        contacts.forEach(c -> told.add(c.caseId()));
        return store.saveAssignments(conn, assigned)
                .chain(() -> store.saveContacts(conn, contacts))
                .chain(() -> store.takePending(conn, told))
                .chain(pending -> {
                    List<Translation> all = new ArrayList<>(fresh);
                    pending.forEach(e -> all.add(translator.translate(e)));
                    Set<UUID> caseIds = new HashSet<>();
                    all.forEach(t -> t.notices().forEach(n -> {
                        if (n.caseId() != null) {
                            caseIds.add(n.caseId());
                        }
                    }));
                    return store.recipients(conn, caseIds).chain(known -> compose(conn, all, known));
                });
    }

    private Uni<Outcome> compose(SqlConnection conn, List<Translation> translations, Map<UUID, CaseRecipients> known) {
        List<ReceivedEvent> waiting = new ArrayList<>();
        List<Resolved> resolved = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        for (Translation t : translations) {
            boolean waits = false;
            for (Notice notice : t.notices()) {
                Optional<List<Recipient>> recipients = resolver.resolve(notice,
                        notice.caseId() == null ? null : known.get(notice.caseId()));
                if (recipients.isEmpty()) {
                    waits = true;
                    continue;
                }
                for (Recipient r : recipients.get()) {
                    resolved.add(new Resolved(notice, r));
                    keys.add(r.key());
                }
            }
            if (waits) {
                waiting.add(t.event());
            }
        }
        Instant now = Instant.now();
        return store.preferences(conn, keys).chain(preferences -> {
            List<NewMessage> messages = new ArrayList<>();
            for (Resolved r : resolved) {
                messages.addAll(composer.compose(r.notice(), r.recipient(), preferences.get(r.recipient().key()), now));
            }
            return store.insertMessages(conn, messages)
                    .call(arrivals -> store.announce(conn, arrivals))
                    .call(() -> store.savePending(conn, waiting))
                    .map(arrivals -> {
                        if (!waiting.isEmpty()) {
                            LOG.debugf("%d event(s) wait for their recipients", waiting.size());
                        }
                        return new Outcome(translations.size(), messages.size(), waiting.size());
                    });
        });
    }

    private record Resolved(Notice notice, Recipient recipient) {
    }
}
