package org.haven.cases.config;

import org.axonframework.common.DateTimeUtils;
import org.axonframework.common.jdbc.JdbcUtils;
import org.axonframework.eventhandling.tokenstore.AbstractTokenEntry;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * Axon's JdbcTokenStore, with a claim extended by one {@code UPDATE} guarded by the owner, as Axon's JPA token store
 * does. A tracking processor extends its claim at the start of every batch; the JDBC store's default re-fetches the
 * token for that ({@code SELECT … FOR UPDATE}, then an {@code UPDATE} of owner and time): two statements per batch
 * where one will do (bench/db-statements.sh).
 */
final class ClaimExtendingTokenStore extends JdbcTokenStore {

    private final String nodeId;
    private final String extendClaim;

    ClaimExtendingTokenStore(JdbcTokenStore.Builder builder, TokenSchema schema, String nodeId) {
        super(builder.schema(schema).nodeId(nodeId));
        this.nodeId = nodeId;
        this.extendClaim = "UPDATE " + schema.tokenTable() + " SET " + schema.timestampColumn() + " = ? WHERE "
                + schema.processorNameColumn() + " = ? AND " + schema.segmentColumn() + " = ? AND "
                + schema.ownerColumn() + " = ?";
    }

    @Override
    public void extendClaim(String processorName, int segment) throws UnableToClaimTokenException {
        Connection connection = getConnection();
        try (PreparedStatement update = connection.prepareStatement(extendClaim)) {
            update.setString(1, DateTimeUtils.formatInstant(AbstractTokenEntry.clock.instant()));
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
    }
}
