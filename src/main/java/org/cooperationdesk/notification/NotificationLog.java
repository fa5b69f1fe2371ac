package org.cooperationdesk.notification;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every attempt to send a mail, delivered or failed. Written in its own transaction: the record of an
 * attempt survives when the job that made it rolls back and is retried.
 */
@Repository
public class NotificationLog {

    public static final String DELIVERED = "DELIVERED";
    public static final String FAILED = "FAILED";

    public record Entry(long id, String idempotencyKey, String template, String recipients, String subject,
                        String businessKey, String status, String error, LocalDateTime createdAt) {
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate ownTransaction;
    private final Clock clock;

    public NotificationLog(JdbcClient jdbc, PlatformTransactionManager transactionManager, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.ownTransaction = new TransactionTemplate(transactionManager);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    public boolean delivered(String idempotencyKey) {
        return ownTransaction.execute(status -> jdbc.sql(
                        "select count(*) from notification where idempotency_key = ? and status = 'DELIVERED'")
                .param(idempotencyKey).query(Integer.class).single() > 0);
    }

    /**
     * Everyone a mail of this step was delivered to: under the step's key itself or one of its mails' keys
     * ({@code job:42#ja}, NotificationService#send).
     */
    public java.util.Set<String> deliveredTo(String idempotencyKey) {
        String escaped = idempotencyKey.replace("!", "!!").replace("%", "!%").replace("_", "!_");
        List<String> lists = ownTransaction.execute(status -> jdbc.sql("""
                        select recipients from notification where status = 'DELIVERED'
                        and (idempotency_key = ? or idempotency_key like ? escape '!')""")
                .params(idempotencyKey, escaped + "#%").query(String.class).list());
        java.util.Set<String> recipients = new java.util.HashSet<>();
        for (String list : lists) {
            for (String recipient : list.split(",")) {
                if (!recipient.isBlank()) {
                    recipients.add(recipient.trim());
                }
            }
        }
        return recipients;
    }

    public void record(String idempotencyKey, String template, List<String> recipients, String subject,
                       String businessKey, String status, String error) {
        ownTransaction.executeWithoutResult(tx -> jdbc.sql("""
                        insert into notification (idempotency_key, template, recipients, subject, business_key, status, error, created_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(idempotencyKey, template, String.join(", ", recipients), truncate(subject, 300), businessKey,
                        status, truncate(error, 1000), LocalDateTime.now(clock))
                .update());
    }

    public List<Entry> forBusinessKey(String businessKey) {
        return jdbc.sql("select * from notification where business_key = ? order by id")
                .param(businessKey).query(Entry.class).list();
    }

    public List<Entry> latest(int limit) {
        return jdbc.sql("select * from notification order by id desc fetch first ? rows only")
                .param(limit).query(Entry.class).list();
    }

    private static String truncate(String text, int length) {
        return text == null || text.length() <= length ? text : text.substring(0, length);
    }
}
