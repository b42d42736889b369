-- Each case-service instance writes its Axon node id (the token_entry owner) here every few seconds; instances
-- seen recently are the live ones that share the tracking processors' segments (SegmentBalancer).
create table tracking_node (
    node_id   varchar(255) not null primary key,
    last_seen timestamptz  not null
);
