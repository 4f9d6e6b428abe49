-- Reference customer database of Janteloppet ("arkivsystemet"), schema crm.
--
-- One table per category of personal data named in the privacy policy. Runs once
-- on an empty database (the local stack drops and recreates the database on reset).
--
-- Erasure: every table that holds a customer's data references crm.customers(id)
-- with ON DELETE CASCADE, except the accounting records. crm.orders uses
-- ON DELETE SET NULL and carries its own copy of the buyer's name and billing
-- address, so an order outlives the customer's contact data for the accounting
-- hold (bokføringsloven: 5 years after the end of the financial year).

BEGIN;

CREATE SCHEMA crm;
COMMENT ON SCHEMA crm IS 'Janteloppet customer database (reference system that dsrd applies data-subject requests to)';

-- Names, company and industry, job title, e-mail, phone, nationality, marketing choices.
CREATE TABLE crm.customers (
    id                  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    email               text        NOT NULL CHECK (email LIKE '_%@_%'),
    first_name          text        NOT NULL,
    last_name           text        NOT NULL,
    phone               text        CHECK (phone ~ '^\+[0-9]{7,15}$'),
    organization        text,
    industry            text,
    title               text,
    nationality         text        CHECK (nationality ~ '^[A-Z]{2}$'),
    language            text        NOT NULL DEFAULT 'nb'
                                    CHECK (language IN ('nb', 'nn', 'sv', 'da', 'de', 'en')),
    share_with_partners boolean     NOT NULL DEFAULT true,
    marketing_opt_out   boolean     NOT NULL DEFAULT false,
    created_at          timestamptz NOT NULL DEFAULT now(),
    last_disclosure_at  timestamptz
);
CREATE UNIQUE INDEX customers_email_lower_key ON crm.customers (lower(email));
COMMENT ON TABLE crm.customers IS 'Customer identity and contact data: name, company and industry, job title, e-mail, phone, nationality, language, partner-sharing and marketing choices';
COMMENT ON COLUMN crm.customers.email IS 'Unique regardless of letter case (unique index on lower(email))';
COMMENT ON COLUMN crm.customers.phone IS 'E.164 without spaces, e.g. +47 followed by 8 digits';
COMMENT ON COLUMN crm.customers.nationality IS 'ISO 3166-1 alpha-2 country code';
COMMENT ON COLUMN crm.customers.share_with_partners IS 'false when the customer objected to sharing name and organisation with event partners';
COMMENT ON COLUMN crm.customers.marketing_opt_out IS 'true when the customer opted out of direct marketing';
COMMENT ON COLUMN crm.customers.last_disclosure_at IS 'When the customer last gave Janteloppet personal data; data is kept until the end of that year plus 6 years';

-- Dietary needs: health data, held only by consent.
CREATE TABLE crm.dietary_needs (
    id                   bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    customer_id          bigint      NOT NULL REFERENCES crm.customers (id) ON DELETE CASCADE,
    needs                text        NOT NULL,
    consent_given_at     timestamptz NOT NULL,
    consent_withdrawn_at timestamptz,
    CHECK (consent_withdrawn_at IS NULL OR consent_withdrawn_at >= consent_given_at)
);
CREATE INDEX dietary_needs_customer_idx ON crm.dietary_needs (customer_id);
COMMENT ON TABLE crm.dietary_needs IS 'Dietary needs (health data, special category, held by consent)';

-- Orders: accounting records. They outlive the customer's contact data.
CREATE TABLE crm.orders (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    customer_id      bigint        REFERENCES crm.customers (id) ON DELETE SET NULL,
    order_number     text          NOT NULL UNIQUE,
    ordered_at       timestamptz   NOT NULL,
    buyer_name       text          NOT NULL,
    billing_address  text          NOT NULL,
    billing_postcode text          NOT NULL,
    billing_city     text          NOT NULL,
    billing_country  text          NOT NULL DEFAULT 'NO' CHECK (billing_country ~ '^[A-Z]{2}$'),
    payment_method   text          NOT NULL CHECK (payment_method IN ('card', 'invoice', 'vipps')),
    card_last4       text          CHECK (card_last4 ~ '^[0-9]{4}$'),
    invoice_ref      text,
    amount_nok       numeric(12,2) NOT NULL CHECK (amount_nok >= 0),
    vat_nok          numeric(12,2) NOT NULL CHECK (vat_nok >= 0),
    currency         text          NOT NULL DEFAULT 'NOK' CHECK (currency ~ '^[A-Z]{3}$'),
    status           text          NOT NULL CHECK (status IN ('paid', 'invoiced', 'cancelled', 'refunded'))
);
CREATE INDEX orders_customer_idx ON crm.orders (customer_id);
COMMENT ON TABLE crm.orders IS 'Orders with billing address and payment details (accounting records, kept 5 years after the end of the financial year)';
COMMENT ON COLUMN crm.orders.customer_id IS 'NULL once the customer is erased; the order keeps its own buyer name and billing address';
COMMENT ON COLUMN crm.orders.amount_nok IS 'Total including VAT, in NOK';
COMMENT ON COLUMN crm.orders.vat_nok IS 'VAT part of amount_nok, in NOK';

CREATE TABLE crm.order_lines (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    order_id    bigint        NOT NULL REFERENCES crm.orders (id) ON DELETE CASCADE,
    description text          NOT NULL,
    quantity    integer       NOT NULL CHECK (quantity > 0),
    unit_price  numeric(12,2) NOT NULL CHECK (unit_price >= 0)
);
CREATE INDEX order_lines_order_idx ON crm.order_lines (order_id);
COMMENT ON TABLE crm.order_lines IS 'Order lines (accounting records, part of the order)';
COMMENT ON COLUMN crm.order_lines.unit_price IS 'Price per unit excluding VAT, in NOK';

-- Events and participation.
CREATE TABLE crm.events (
    id        bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name      text NOT NULL UNIQUE,
    starts_on date NOT NULL,
    city      text NOT NULL
);
COMMENT ON TABLE crm.events IS 'Events and conferences arranged by Janteloppet (no personal data)';

CREATE TABLE crm.event_registrations (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    customer_id   bigint      NOT NULL REFERENCES crm.customers (id) ON DELETE CASCADE,
    event_id      bigint      NOT NULL REFERENCES crm.events (id) ON DELETE RESTRICT,
    registered_at timestamptz NOT NULL,
    attended      boolean,
    UNIQUE (customer_id, event_id)
);
CREATE INDEX event_registrations_event_idx ON crm.event_registrations (event_id);
COMMENT ON TABLE crm.event_registrations IS 'Event participation: registrations and attendance';
COMMENT ON COLUMN crm.event_registrations.attended IS 'NULL until the event has taken place';

-- Event partners and what was shared with them.
CREATE TABLE crm.partners (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name          text NOT NULL UNIQUE,
    privacy_email text NOT NULL CHECK (privacy_email LIKE '_%@_%')
);
COMMENT ON TABLE crm.partners IS 'Event partners that receive participant lists (recipients of personal data)';

CREATE TABLE crm.disclosures (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    customer_id      bigint      NOT NULL REFERENCES crm.customers (id) ON DELETE CASCADE,
    partner_id       bigint      NOT NULL REFERENCES crm.partners (id) ON DELETE RESTRICT,
    event_id         bigint      REFERENCES crm.events (id) ON DELETE RESTRICT,
    disclosed_at     timestamptz NOT NULL,
    fields_disclosed text[]      NOT NULL CHECK (cardinality(fields_disclosed) > 0)
);
CREATE INDEX disclosures_customer_idx ON crm.disclosures (customer_id);
COMMENT ON TABLE crm.disclosures IS 'Disclosures of participants to event partners (who received which fields, when)';

-- Follow-ups, feedback and notes.
CREATE TABLE crm.feedback (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    customer_id bigint      NOT NULL REFERENCES crm.customers (id) ON DELETE CASCADE,
    event_id    bigint      REFERENCES crm.events (id) ON DELETE RESTRICT,
    given_at    timestamptz NOT NULL,
    rating      smallint    CHECK (rating BETWEEN 1 AND 5),
    comment     text
);
CREATE INDEX feedback_customer_idx ON crm.feedback (customer_id);
COMMENT ON TABLE crm.feedback IS 'Feedback from customers';

CREATE TABLE crm.conversation_notes (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    customer_id   bigint      NOT NULL REFERENCES crm.customers (id) ON DELETE CASCADE,
    kind          text        NOT NULL CHECK (kind IN ('note', 'follow_up')),
    noted_at      timestamptz NOT NULL,
    author        text        NOT NULL,
    body          text        NOT NULL,
    follow_up_due date,
    done_at       timestamptz,
    CHECK (kind = 'follow_up' OR (follow_up_due IS NULL AND done_at IS NULL))
);
CREATE INDEX conversation_notes_customer_idx ON crm.conversation_notes (customer_id);
COMMENT ON TABLE crm.conversation_notes IS 'Follow-ups and notes from conversations with customers';

-- Campaigns and marketing choices.
CREATE TABLE crm.campaigns (
    id        bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name      text NOT NULL UNIQUE,
    kind      text NOT NULL CHECK (kind IN ('newsletter', 'event_invitation', 'reminder', 'print')),
    channel   text NOT NULL CHECK (channel IN ('email', 'sms', 'post')),
    starts_on date NOT NULL
);
COMMENT ON TABLE crm.campaigns IS 'Marketing campaigns and newsletters (no personal data)';

CREATE TABLE crm.campaign_members (
    campaign_id bigint      NOT NULL REFERENCES crm.campaigns (id) ON DELETE RESTRICT,
    customer_id bigint      NOT NULL REFERENCES crm.customers (id) ON DELETE CASCADE,
    opted_in    boolean     NOT NULL,
    channel     text        NOT NULL CHECK (channel IN ('email', 'sms', 'post')),
    changed_at  timestamptz NOT NULL,
    PRIMARY KEY (campaign_id, customer_id)
);
CREATE INDEX campaign_members_customer_idx ON crm.campaign_members (customer_id);
COMMENT ON TABLE crm.campaign_members IS 'Campaign membership and marketing choices (opt-in per campaign and channel)';

-- Interests and survey answers.
CREATE TABLE crm.interests (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    customer_id bigint      NOT NULL REFERENCES crm.customers (id) ON DELETE CASCADE,
    topic       text        NOT NULL,
    recorded_at timestamptz NOT NULL,
    UNIQUE (customer_id, topic)
);
COMMENT ON TABLE crm.interests IS 'Interests stated by customers';

CREATE TABLE crm.survey_answers (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    customer_id bigint      NOT NULL REFERENCES crm.customers (id) ON DELETE CASCADE,
    event_id    bigint      REFERENCES crm.events (id) ON DELETE RESTRICT,
    survey      text        NOT NULL,
    question    text        NOT NULL,
    answer      text        NOT NULL,
    answered_at timestamptz NOT NULL
);
CREATE INDEX survey_answers_customer_idx ON crm.survey_answers (customer_id);
COMMENT ON TABLE crm.survey_answers IS 'Survey answers';

-- Use of privacy rights (reference data of the customer system, not dsrd's queue).
CREATE TABLE crm.privacy_requests (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    customer_id  bigint      NOT NULL REFERENCES crm.customers (id) ON DELETE CASCADE,
    kind         text        NOT NULL
                             CHECK (kind IN ('access', 'rectify', 'erase', 'object', 'restrict', 'portability')),
    requested_at timestamptz NOT NULL,
    handled_at   timestamptz,
    CHECK (handled_at IS NULL OR handled_at >= requested_at)
);
CREATE INDEX privacy_requests_customer_idx ON crm.privacy_requests (customer_id);
COMMENT ON TABLE crm.privacy_requests IS 'Use of privacy rights (earlier requests recorded in the customer system)';

-- Use of digital services, IP/OS/browser/language, mobile device identifiers.
CREATE TABLE crm.digital_sessions (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    customer_id bigint      NOT NULL REFERENCES crm.customers (id) ON DELETE CASCADE,
    service     text        NOT NULL,
    ip          inet        NOT NULL,
    os          text,
    browser     text,
    language    text,
    started_at  timestamptz NOT NULL
);
CREATE INDEX digital_sessions_customer_idx ON crm.digital_sessions (customer_id);
COMMENT ON TABLE crm.digital_sessions IS 'Use of digital services: IP address, operating system, browser and language';

CREATE TABLE crm.devices (
    id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    customer_id       bigint      NOT NULL REFERENCES crm.customers (id) ON DELETE CASCADE,
    platform          text        NOT NULL CHECK (platform IN ('ios', 'android')),
    model             text,
    device_identifier text        NOT NULL UNIQUE,
    first_seen_at     timestamptz NOT NULL,
    last_seen_at      timestamptz NOT NULL,
    CHECK (last_seen_at >= first_seen_at)
);
CREATE INDEX devices_customer_idx ON crm.devices (customer_id);
COMMENT ON TABLE crm.devices IS 'Mobile device identifiers from the participant app';

-- Recorded service calls, e-mail and chat correspondence.
CREATE TABLE crm.recorded_calls (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    customer_id bigint      NOT NULL REFERENCES crm.customers (id) ON DELETE CASCADE,
    started_at  timestamptz NOT NULL,
    duration_s  integer     NOT NULL CHECK (duration_s > 0),
    storage_ref text        NOT NULL UNIQUE,
    agent       text        NOT NULL
);
CREATE INDEX recorded_calls_customer_idx ON crm.recorded_calls (customer_id);
COMMENT ON TABLE crm.recorded_calls IS 'Recorded service calls (reference to the stored recording)';

CREATE TABLE crm.correspondence (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    customer_id bigint      NOT NULL REFERENCES crm.customers (id) ON DELETE CASCADE,
    channel     text        NOT NULL CHECK (channel IN ('email', 'chat')),
    direction   text        NOT NULL CHECK (direction IN ('inbound', 'outbound')),
    sent_at     timestamptz NOT NULL,
    subject     text,
    body        text        NOT NULL
);
CREATE INDEX correspondence_customer_idx ON crm.correspondence (customer_id);
COMMENT ON TABLE crm.correspondence IS 'E-mail and chat correspondence with customers';

COMMIT;
