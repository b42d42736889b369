package org.haven.cases.config;

import org.axonframework.common.DateTimeUtils;
import org.axonframework.common.jdbc.JdbcUtils;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.AbstractTokenEntry;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Axon's JdbcTokenStore, with a claim extended by at most one {@code UPDATE} guarded by the owner, as Axon's JPA
 * token store does, and not at all while this node's own claim is fresh.
 * <p>
 * A tracking processor extends its claim at the start of every batch and stores its token, guarded by the owner,
 * when the batch commits. The JDBC store's default extension re-fetches the token ({@code SELECT … FOR UPDATE}, then
 * an {@code UPDATE} of owner and time): two statements per batch where one will do. And when this node committed
 * the claim's time less than a quarter of the claim timeout ago, no other node can have taken the claim (a claim
 * is taken over only once it is older than the timeout, or after this node released it), so the extension is
 * skipped: the token's own guarded {@code UPDATE} at the end of the batch still fails, and rolls the batch back, if
 * the claim was lost. At steady load that saves a statement per batch (bench/db-statements.sh).
 */
final class ClaimExtendingTokenStore extends JdbcTokenStore {

    private final String nodeId;
    private final String extendClaim;
    private final Duration fresh;
    /** When this node's committed claim on (processor, segment) was last written: the time it wrote. */
    private final Map<String, Instant> claimWritten = new ConcurrentHashMap<>();

    ClaimExtendingTokenStore(JdbcTokenStore.Builder builder, TokenSchema schema, String nodeId, Duration claimTimeout) {
        super(builder.schema(schema).nodeId(nodeId).claimTimeout(claimTimeout));
        this.nodeId = nodeId;
        this.fresh = claimTimeout.dividedBy(4);
        this.extendClaim = "UPDATE " + schema.tokenTable() + " SET " + schema.timestampColumn() + " = ? WHERE "
                + schema.processorNameColumn() + " = ? AND " + schema.segmentColumn() + " = ? AND "
                + schema.ownerColumn() + " = ?";
    }

    @Override
    public void storeToken(TrackingToken token, String processorName, int segment) throws UnableToClaimTokenException {
        Instant writing = AbstractTokenEntry.clock.instant();
        super.storeToken(token, processorName, segment);
        rememberOnCommit(processorName, segment, writing);
    }

    @Override
    public void extendClaim(String processorName, int segment) throws UnableToClaimTokenException {
        Instant now = AbstractTokenEntry.clock.instant();
        Instant written = claimWritten.get(key(processorName, segment));
        if (written != null && written.plus(fresh).isAfter(now)) {
            return;
        }
        Connection connection = getConnection();
        try (PreparedStatement update = connection.prepareStatement(extendClaim)) {
            update.setString(1, DateTimeUtils.formatInstant(now));
            update.setString(2, processorName);
            update.setInt(3, segment);
            update.setString(4, nodeId);
            if (update.executeUpdate() == 0) {
                throw new UnableToClaimTokenException("Unable to extend the claim on segment " + segment
                        + " of processor " + processorName + ": it is not owned by " + nodeId);
            }
        } catch (SQLException e) {
            throw new UnableToClaimTokenException("Could not extend the claim on segment " + segment
                    + " of processor " + processorName, e);
        } finally {
            JdbcUtils.closeQuietly(connection);
        }
        rememberOnCommit(processorName, segment, now);
    }

    @Override
    public void releaseClaim(String processorName, int segment) {
        claimWritten.remove(key(processorName, segment));
        super.releaseClaim(processorName, segment);
    }

    @Override
    public void deleteToken(String processorName, int segment) throws UnableToClaimTokenException {
        claimWritten.remove(key(processorName, segment));
        super.deleteToken(processorName, segment);
    }

    /** Only a committed write counts: a batch rolled back leaves the claim's time as it was. */
    private void rememberOnCommit(String processorName, int segment, Instant written) {
        String key = key(processorName, segment);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    claimWritten.put(key, written);
                }
            });
        }
        // Outside a transaction the store commits each statement itself, but nothing here calls it that way; not
        // remembering then only costs the next extension its UPDATE.
    }

    private static String key(String processorName, int segment) {
        return processorName + '#' + segment;
    }
}
