-- One database per service (each owns its schema; Flyway creates the tables at start-up).
CREATE DATABASE haven_case;
CREATE DATABASE haven_eligibility;
CREATE DATABASE haven_notification;
CREATE DATABASE haven_gateway;
