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
import org.openpetition.notification.repository.CaseLocks;
import org.openpetition.notification.repository.CaseRecipientStore;
import org.openpetition.notification.repository.MessageStore;
import org.openpetition.notification.repository.PendingNoticeStore;
import org.openpetition.notification.repository.PreferenceLookup;
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
    private final CaseLocks locks;
    private final CaseRecipientStore caseRecipients;
    private final PendingNoticeStore pending;
    private final PreferenceLookup preferences;
    private final MessageStore messages;
    private final NoticeTranslator translator;
    private final RecipientResolver resolver;
    private final MessageComposer composer;

    public NoticeProcessor(Pool pool, CaseLocks locks, CaseRecipientStore caseRecipients, PendingNoticeStore pending,
                           PreferenceLookup preferences, MessageStore messages, NoticeTranslator translator,
                           RecipientResolver resolver, MessageComposer composer) {
        this.pool = pool;
        this.locks = locks;
        this.caseRecipients = caseRecipients;
        this.pending = pending;
        this.preferences = preferences;
        this.messages = messages;
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
        return pool.withTransaction(conn -> locks.lockCases(conn, cases)
                .chain(() -> ProcessedEvents.markFirst(conn, CONSUMER, events.stream().map(ReceivedEvent::id).toList()))
                .chain(fresh -> apply(conn, translations.stream().filter(t -> fresh.contains(t.event().id())).toList())));
    }

    private Uni<Outcome> apply(SqlConnection conn, List<Translation> fresh) {
        List<CaseAssignedV1> assigned = fresh.stream().map(Translation::assigned).filter(Objects::nonNull).toList();
        List<PetitionerContactV1> contacts = fresh.stream().map(Translation::contact).filter(Objects::nonNull).toList();
        Set<UUID> told = new HashSet<>();
        assigned.forEach(a -> told.add(a.caseId()));
        contacts.forEach(c -> told.add(c.caseId()));
        return caseRecipients.saveAssignments(conn, assigned)
                .chain(() -> caseRecipients.saveContacts(conn, contacts))
                .chain(() -> pending.takePending(conn, told))
                .chain(waited -> {
                    List<Translation> all = new ArrayList<>(fresh);
                    waited.forEach(e -> all.add(translator.translate(e)));
                    Set<UUID> caseIds = new HashSet<>();
                    all.forEach(t -> t.notices().forEach(n -> {
                        if (n.caseId() != null) {
                            caseIds.add(n.caseId());
                        }
                    }));
                    return caseRecipients.recipients(conn, caseIds).chain(known -> compose(conn, all, known));
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
        return preferences.preferences(conn, keys).chain(byKey -> {
            List<NewMessage> composed = new ArrayList<>();
            for (Resolved r : resolved) {
                composed.addAll(composer.compose(r.notice(), r.recipient(), byKey.get(r.recipient().key()), now));
            }
            return messages.insertMessages(conn, composed)
                    .call(arrivals -> messages.announce(conn, arrivals))
                    .call(() -> pending.savePending(conn, waiting))
                    .map(arrivals -> {
                        if (!waiting.isEmpty()) {
                            LOG.debugf("%d event(s) wait for their recipients", waiting.size());
                        }
                        return new Outcome(translations.size(), composed.size(), waiting.size());
                    });
        });
    }

    private record Resolved(Notice notice, Recipient recipient) {
    }
}
