package org.haven.support.kafka;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import tools.jackson.databind.json.JsonMapper;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.RetryListener;
import org.springframework.util.backoff.ExponentialBackOff;

@AutoConfiguration
@ConditionalOnClass(DefaultErrorHandler.class)
public class CaseEventConsumerConfiguration {

    private static final Logger log = LoggerFactory.getLogger(CaseEventConsumerConfiguration.class);

    /**
     * A message that cannot be read never will be: it is logged and skipped. Any other failure (the database
     * down, a bug) is retried with growing pauses and holds its partition, because skipping it would lose a
     * event for good. Pauses stay well below {@code max.poll.interval.ms}.
     */
    @Bean
    CaseEventReader caseEventReader(JsonMapper mapper) {
        return new CaseEventReader(mapper);
    }

    @Bean
    DefaultErrorHandler caseEventErrorHandler() {
        ExponentialBackOff backOff = new ExponentialBackOff(500, 2.0);
        backOff.setMaxInterval(30_000);
        DefaultErrorHandler handler = new DefaultErrorHandler(backOff);
        handler.addNotRetryableExceptions(MalformedCaseEventException.class);
        // The full trace once; after that the cause only, since a waiting partition retries for as long as it fails.
        // A batch listener's failure is its whole poll's, retried as one.
        handler.setRetryListeners(new RetryListener() {
            @Override
            public void failedDelivery(ConsumerRecord<?, ?> record, Exception failure, int attempt) {
                logFailure(record.topic() + "-" + record.partition() + "@" + record.offset(), failure, attempt);
            }

            @Override
            public void failedDelivery(ConsumerRecords<?, ?> records, Exception failure, int attempt) {
                logFailure("a poll of " + records.count() + " records from " + records.partitions(), failure, attempt);
            }
        });
        return handler;
    }

    private static void logFailure(String what, Exception failure, int attempt) {
        if (attempt == 1) {
            log.warn("Handling {} failed", what, failure);
        } else {
            log.warn("Handling {} failed again (delivery attempt {}): {}", what, attempt,
                    NestedExceptionUtils.getMostSpecificCause(failure).toString());
        }
    }
}
