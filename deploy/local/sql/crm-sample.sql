-- Deterministic sample data for schema crm (run after crm-schema.sql, once, on a
-- fresh database). No random(): every value comes from fixed lists, generate_series
-- and arithmetic, so every run gives identical rows and identical ids.
--
-- All people are fictional; all e-mail addresses are at test domains
-- (janteloppet.test, example.com, example.no, example.org, example.net); IP
-- addresses are from the documentation ranges; +44 7700 900xxx is a drama range.
--
-- Ids: the four well-known customers are 1-4, generated customers 5-82. Rules
-- below use arithmetic on customer ids; "dormant" generated customers
-- (id % 13 = 12) have no activity at all and a last disclosure in 2018/2019.

BEGIN;
-- Fixed zone so timestamp arithmetic gives the same rows whatever the client's zone.
SET LOCAL TimeZone = 'Europe/Oslo';

-- Reference data ------------------------------------------------------------

INSERT INTO crm.events (name, starts_on, city) VALUES
    ('Janteloppet Vårkonferanse 2023', date '2023-04-20', 'Oslo'),
    ('Nordisk Eventforum 2023',        date '2023-10-05', 'Bergen'),
    ('Janteloppet Vårkonferanse 2024', date '2024-04-18', 'Oslo'),
    ('Arktisk Ledersamling 2024',      date '2024-09-12', 'Tromsø'),
    ('Janteloppet Vårkonferanse 2025', date '2025-04-24', 'Trondheim'),
    ('Energi og Hav 2025',             date '2025-10-16', 'Stavanger'),
    ('Janteloppet Vårkonferanse 2026', date '2026-04-23', 'Oslo'),
    ('Julemøtet 2026',                 date '2026-12-10', 'Bergen');

INSERT INTO crm.partners (name, privacy_email) VALUES
    ('Fjellsikt Hotell AS',    'personvern.fjellsikt@example.no'),
    ('Nordlys Catering AS',    'privacy.nordlys@example.com'),
    ('Bølgen Lyd og Lys AS',   'personvern.bolgen@example.no'),
    ('Polarstjerna Reiser AS', 'dpo.polarstjerna@example.net');

INSERT INTO crm.campaigns (name, kind, channel, starts_on) VALUES
    ('Nyhetsbrev',                              'newsletter',       'email', date '2019-01-01'),
    ('Vårkonferansen 2025 – tidlig påmelding',  'event_invitation', 'email', date '2025-01-15'),
    ('Medlemsblad på papir 2024',               'print',            'post',  date '2024-02-01'),
    ('SMS-påminnelse Vårkonferansen 2026',      'reminder',         'sms',   date '2026-03-01'),
    ('Julemøtet 2026 – invitasjon',             'event_invitation', 'email', date '2026-09-01');

-- Well-known customers (ids 1-4) ----------------------------------------------

INSERT INTO crm.customers (email, first_name, last_name, phone, organization, industry, title,
                           nationality, language, share_with_partners, marketing_opt_out, created_at)
VALUES
    ('kari.nordmann@example.no', 'Kari', 'Nordmann', '+4791234567', 'Nordmann Regnskap AS',
     'Regnskap og revisjon', 'Daglig leder', 'NO', 'nb', true, false, timestamptz '2018-03-02 10:12:00+01'),
    ('ola.hansen@example.com', 'Ola', 'Hansen', '+4741234567', 'Hansen Bygg AS',
     'Bygg og anlegg', 'Prosjektleder', 'NO', 'nb', true, false, timestamptz '2024-11-10 13:40:00+01'),
    ('emma.smith@example.org', 'Emma', 'Smith', '+447700900123', 'Smith & Partners Ltd',
     'Consulting', 'Event Manager', 'GB', 'en', true, false, timestamptz '2023-09-01 09:05:00+02'),
    ('nils.berg@example.net', 'Nils', 'Berg', '+4790012345', NULL,
     NULL, NULL, 'NO', 'nb', true, false, timestamptz '2025-01-20 19:30:00+01');

-- Generated customers (ids 5-78) ----------------------------------------------
-- Within a group, first and last names come from lists of coprime lengths, so the
-- pair (i mod first, i mod last) is unique. E-mail is firstname.lastname folded to
-- ASCII; customer 22 keeps capital letters to exercise case-insensitive lookups.

INSERT INTO crm.customers (email, first_name, last_name, phone, organization, industry, title,
                           nationality, language, share_with_partners, marketing_opt_out, created_at)
SELECT
    CASE WHEN p.id = 22 THEN p.local_part ELSE lower(p.local_part) END
        || '@' || p.domains[1 + p.id % cardinality(p.domains)],
    p.first_name,
    p.last_name,
    CASE
        WHEN p.nat = 'NO' AND p.id % 11 = 7 THEN NULL
        WHEN p.nat = 'NO' THEN '+47' || CASE WHEN p.id % 2 = 0 THEN '4' ELSE '9' END
                               || lpad(((1000003 + p.id * 7919) % 10000000)::text, 7, '0')
        WHEN p.nat = 'SE' THEN '+4670' || lpad(((1234 + p.id * 48271) % 10000000)::text, 7, '0')
        WHEN p.nat = 'DK' THEN '+45' || (20000000 + p.id * 1237)::text
        WHEN p.nat = 'DE' THEN '+49151' || lpad((2345678 + p.id * 7001)::text, 8, '0')
        ELSE '+447700900' || lpad((200 + p.id * 7)::text, 3, '0')
    END,
    p.orgs[1 + (p.id * 7) % cardinality(p.orgs)],
    p.industries[1 + (p.id * 7) % cardinality(p.orgs)],
    p.titles[1 + (p.id * 5) % cardinality(p.titles)],
    p.nat,
    CASE WHEN p.nat = 'NO' AND p.id % 9 = 4 THEN 'nn' ELSE p.lang END,
    p.id % 7 <> 3,
    p.id % 6 = 5,
    ((date '2018-01-15' + (p.id * 41) % 500) + time '08:30' + (p.id % 9) * interval '1 hour')
        AT TIME ZONE 'Europe/Oslo'
FROM (
    SELECT g.*,
           5 + g.first_id + s.i AS id,
           g.firsts[1 + s.i % cardinality(g.firsts)] AS first_name,
           g.lasts[1 + s.i % cardinality(g.lasts)] AS last_name,
           replace(replace(replace(translate(
               g.firsts[1 + s.i % cardinality(g.firsts)] || '.' || g.lasts[1 + s.i % cardinality(g.lasts)],
               'ØøÅåÄäÖöÜüÉé', 'OoAaAaOoUuEe'), 'Æ', 'Ae'), 'æ', 'ae'), 'ß', 'ss') AS local_part
    FROM (VALUES
        (1, 0, 48, 'NO', 'nb',
         ARRAY['Ingrid', 'Lars', 'Sigrid', 'Bjørn', 'Astrid', 'Håkon', 'Solveig', 'Torbjørn',
               'Marit', 'Eirik', 'Åse', 'Knut', 'Ragnhild', 'Sindre', 'Tuva'],
         ARRAY['Solberg', 'Johansen', 'Larsen', 'Haugen', 'Bakken', 'Lie', 'Dahl', 'Sæther',
               'Løken', 'Strand', 'Moen', 'Aasen', 'Kristiansen', 'Vik'],
         ARRAY['example.no', 'example.com', 'example.no', 'janteloppet.test', 'example.net', 'example.org'],
         ARRAY['Fjordlys AS', 'Nordavind Konsult AS', 'Bryggen Eiendom AS', 'Solsiden Reiser AS',
               'Trollheimen Energi AS', 'Havbris Sjømat AS', 'Fossekall IT AS', 'Lindtre Arkitekter AS',
               'Snøfonna Helse AS', 'Kvitfjell Media AS', 'Skjærgården Hotell AS', 'Midtnorsk Revisjon AS'],
         ARRAY['Eiendom', 'Konsulenttjenester', 'Eiendom', 'Reiseliv', 'Energi', 'Sjømat', 'IT',
               'Arkitektur', 'Helse', 'Media', 'Hotell', 'Regnskap og revisjon'],
         ARRAY['Daglig leder', 'Markedssjef', 'Prosjektleder', 'Økonomisjef', 'HR-rådgiver',
               'Salgsleder', 'Kommunikasjonsrådgiver', 'Innkjøper', 'Arrangementsansvarlig']),
        (2, 48, 8, 'SE', 'sv',
         ARRAY['Linnea', 'Oskar', 'Elsa', 'Gustav', 'Maja'],
         ARRAY['Lindqvist', 'Andersson', 'Bergström', 'Nyström'],
         ARRAY['example.com', 'example.org', 'example.net'],
         ARRAY['Skärgårdens Konsult AB', 'Vänern Event AB', 'Norrsken Data AB'],
         ARRAY['Konsulenttjenester', 'Arrangement', 'IT'],
         ARRAY['VD', 'Projektledare', 'Marknadschef']),
        (3, 56, 6, 'DK', 'da',
         ARRAY['Mette', 'Rasmus', 'Freja', 'Mads'],
         ARRAY['Sørensen', 'Jørgensen', 'Mikkelsen'],
         ARRAY['example.net', 'example.com', 'example.org'],
         ARRAY['Øresund Rådgivning ApS', 'Limfjord Logistik A/S'],
         ARRAY['Konsulenttjenester', 'Logistikk'],
         ARRAY['Direktør', 'Projektleder', 'Indkøber']),
        (4, 62, 6, 'DE', 'de',
         ARRAY['Katrin', 'Jürgen', 'Lena', 'Matthias'],
         ARRAY['Müller', 'Schröder', 'Weiß'],
         ARRAY['example.org', 'example.com', 'example.net'],
         ARRAY['Lindenhof Veranstaltungen GmbH', 'Nordsee Technik GmbH'],
         ARRAY['Arrangement', 'Industri'],
         ARRAY['Geschäftsführung', 'Projektleiter', 'Einkäufer']),
        (5, 68, 10, 'GB', 'en',
         ARRAY['Oliver', 'Charlotte', 'James', 'Amelia', 'Harry'],
         ARRAY['Walker', 'Thompson', 'Hughes', 'Clarke', 'Bennett', 'Foster'],
         ARRAY['example.com', 'example.org', 'example.net'],
         ARRAY['Harbourside Events Ltd', 'Thistle Analytics Ltd', 'Kestrel Travel Ltd'],
         ARRAY['Arrangement', 'IT', 'Reiseliv'],
         ARRAY['Managing Director', 'Project Manager', 'Head of Marketing', 'Buyer'])
    ) AS g (grp, first_id, n, nat, lang, firsts, lasts, domains, orgs, industries, titles)
    CROSS JOIN LATERAL generate_series(0, g.n - 1) AS s (i)
) AS p
ORDER BY p.id;

-- Activity of the well-known customers ------------------------------------------

-- Kari Nordmann (1): a regular. Ola Hansen (2): two recent orders. Emma Smith (3):
-- one order and one disclosure. Nils Berg (4): only a newsletter membership.
INSERT INTO crm.orders (customer_id, order_number, ordered_at, buyer_name, billing_address, billing_postcode,
                        billing_city, billing_country, payment_method, card_last4, invoice_ref,
                        amount_nok, vat_nok, currency, status)
VALUES
    (1, 'JL-2019-00901', timestamptz '2019-10-14 11:20:00+02', 'Kari Nordmann', 'Fjordveien 12', '0150', 'Oslo', 'NO',
     'card', '3417', NULL, 0, 0, 'NOK', 'paid'),
    (1, 'JL-2022-00901', timestamptz '2022-03-08 09:45:00+01', 'Kari Nordmann', 'Fjordveien 12', '0150', 'Oslo', 'NO',
     'invoice', NULL, 'F-2022-90001', 0, 0, 'NOK', 'paid'),
    (1, 'JL-2026-00901', timestamptz '2026-02-10 20:02:00+01', 'Kari Nordmann', 'Fjordveien 12', '0150', 'Oslo', 'NO',
     'vipps', NULL, NULL, 0, 0, 'NOK', 'paid'),
    (2, 'JL-2025-00901', timestamptz '2025-03-12 14:30:00+01', 'Ola Hansen', 'Bakkegata 7', '5003', 'Bergen', 'NO',
     'card', '8812', NULL, 0, 0, 'NOK', 'paid'),
    (2, 'JL-2026-00902', timestamptz '2026-08-19 10:05:00+02', 'Ola Hansen', 'Bakkegata 7', '5003', 'Bergen', 'NO',
     'invoice', NULL, 'F-2026-90002', 0, 0, 'NOK', 'invoiced'),
    (3, 'JL-2024-00901', timestamptz '2024-08-20 16:15:00+02', 'Emma Smith', 'Flat 2, 14 Mill Lane', 'OX1 1AA',
     'Oxford', 'GB', 'card', '5521', NULL, 0, 0, 'GBP', 'paid'),
    (3, 'JL-2026-00903', timestamptz '2026-09-14 10:30:00+02', 'Emma Smith', 'Flat 2, 14 Mill Lane', 'OX1 1AA',
     'Oxford', 'GB', 'card', '5521', NULL, 0, 0, 'GBP', 'paid'),
    -- Accounting records kept after their customers were erased (customer_id NULL).
    (NULL, 'JL-2021-00951', timestamptz '2021-05-03 12:00:00+02', 'Tove Fjellheim', 'Sjøgata 3', '8006', 'Bodø', 'NO',
     'card', NULL, NULL, 0, 0, 'NOK', 'paid'),
    (NULL, 'JL-2023-00952', timestamptz '2023-02-27 08:40:00+01', 'Arne Vestby', 'Elvebakken 21', '2317', 'Hamar', 'NO',
     'invoice', NULL, 'F-2023-90052', 0, 0, 'NOK', 'paid');

INSERT INTO crm.order_lines (order_id, description, quantity, unit_price)
SELECT o.id, l.description, l.quantity, l.unit_price
FROM (VALUES
    ('JL-2019-00901', 'Konferansebillett',        1, 4900.00),
    ('JL-2019-00901', 'Middag og underholdning',  1, 1250.00),
    ('JL-2022-00901', 'Workshop',                 2, 2400.00),
    ('JL-2026-00901', 'Konferansebillett',        1, 4900.00),
    ('JL-2026-00901', 'Hotellnatt',               2, 1890.00),
    ('JL-2025-00901', 'Konferansebillett',        2, 4900.00),
    ('JL-2026-00902', 'Digitalt deltakerpass',    3,  990.00),
    ('JL-2024-00901', 'Konferansebillett',        1, 4900.00),
    ('JL-2024-00901', 'Hotellnatt',               3, 1890.00),
    ('JL-2026-00903', 'Digitalt deltakerpass',    1,  990.00),
    ('JL-2021-00951', 'Digitalt deltakerpass',    1,  990.00),
    ('JL-2023-00952', 'Workshop',                 1, 2400.00)
) AS l (order_number, description, quantity, unit_price)
JOIN crm.orders o USING (order_number)
ORDER BY o.id, l.description;

INSERT INTO crm.dietary_needs (customer_id, needs, consent_given_at, consent_withdrawn_at)
VALUES (1, 'glutenfri', timestamptz '2019-09-20 14:00:00+02', NULL);

INSERT INTO crm.event_registrations (customer_id, event_id, registered_at, attended) VALUES
    (1, 5, timestamptz '2025-03-01 08:15:00+01', true),
    (1, 7, timestamptz '2026-02-10 20:05:00+01', true),
    (1, 8, timestamptz '2026-10-02 12:30:00+02', NULL),
    (3, 4, timestamptz '2024-08-20 16:20:00+02', true);

INSERT INTO crm.disclosures (customer_id, partner_id, event_id, disclosed_at, fields_disclosed) VALUES
    (1, 1, 7, timestamptz '2026-04-20 12:00:00+02', ARRAY['first_name', 'last_name', 'organization']),
    (3, 4, 4, timestamptz '2024-09-09 12:00:00+02', ARRAY['first_name', 'last_name', 'organization']);

INSERT INTO crm.feedback (customer_id, event_id, given_at, rating, comment) VALUES
    (1, 7, timestamptz '2026-04-25 18:10:00+02', 5, 'Veldig godt program, og god mat.');

INSERT INTO crm.interests (customer_id, topic, recorded_at) VALUES
    (1, 'ledelse',  timestamptz '2019-10-14 11:25:00+02'),
    (1, 'reiseliv', timestamptz '2022-03-08 09:50:00+01');

INSERT INTO crm.campaign_members (campaign_id, customer_id, opted_in, channel, changed_at) VALUES
    (1, 1, true, 'email', timestamptz '2019-01-03 10:00:00+01'),
    (1, 2, true, 'email', timestamptz '2024-11-10 13:45:00+01'),
    (1, 4, true, 'email', timestamptz '2025-01-20 19:31:00+01');

INSERT INTO crm.digital_sessions (customer_id, service, ip, os, browser, language, started_at) VALUES
    (1, 'billettportal', inet '192.0.2.45',  'Windows 11', 'Firefox 147', 'nb-NO', timestamptz '2026-02-10 19:58:00+01'),
    (1, 'deltakerapp',   inet '2001:db8::4a', 'iOS 19',    NULL,          'nb-NO', timestamptz '2026-04-23 08:02:00+02');

INSERT INTO crm.devices (customer_id, platform, model, device_identifier, first_seen_at, last_seen_at) VALUES
    (1, 'ios', 'iPhone 15', '6F1E2D3C-4B5A-4978-8877-665544332211',
     timestamptz '2025-04-20 09:00:00+02', timestamptz '2026-04-23 08:02:00+02');

INSERT INTO crm.recorded_calls (customer_id, started_at, duration_s, storage_ref, agent) VALUES
    (1, timestamptz '2025-11-03 10:21:00+01', 312, 'opptak/samtale-900001.opus', 'kundesenter-2');

INSERT INTO crm.correspondence (customer_id, channel, direction, sent_at, subject, body) VALUES
    (1, 'email', 'inbound',  timestamptz '2026-01-20 08:12:00+01', 'Spørsmål om faktura',
     'Hei! Kan dere sende fakturaen for workshopen på nytt? Jeg finner den ikke. Hilsen Kari'),
    (1, 'email', 'outbound', timestamptz '2026-01-20 13:40:00+01', 'SV: Spørsmål om faktura',
     'Hei Kari, fakturaen er sendt på nytt i dag. Vennlig hilsen Janteloppet kundesenter'),
    (1, 'chat',  'inbound',  timestamptz '2026-10-02 12:25:00+02', NULL,
     'Er det glutenfri mat på julemøtet i år?'),
    (1, 'chat',  'outbound', timestamptz '2026-10-02 12:27:00+02', NULL,
     'Ja, meld behovet ved påmelding, så ordner vi det.');

-- Activity of the generated customers ------------------------------------------
-- "Active" generated customers: id > 4 and not dormant (id % 13 <> 12); integer ids
-- so that date + id arithmetic works.

CREATE TEMPORARY TABLE sample_active ON COMMIT DROP AS
SELECT id::integer AS id, first_name, last_name, phone, nationality, language, marketing_opt_out, created_at
FROM crm.customers
WHERE id > 4 AND id % 13 <> 12;

-- Orders: 0-3 per customer (id % 4), in years 2019-2026.
INSERT INTO crm.orders (customer_id, order_number, ordered_at, buyer_name, billing_address, billing_postcode,
                        billing_city, billing_country, payment_method, card_last4, invoice_ref,
                        amount_nok, vat_nok, currency, status)
SELECT o.id,
       'JL-' || o.y || '-' || lpad(row_number() OVER (PARTITION BY o.y ORDER BY o.ordered_at, o.id)::text, 5, '0'),
       o.ordered_at,
       o.first_name || ' ' || o.last_name,
       (ARRAY['Storgata', 'Kirkegata', 'Strandveien', 'Parkveien', 'Skolegata', 'Fjordveien',
              'Bakkegata', 'Industriveien'])[1 + o.id % 8] || ' ' || (1 + (o.id * 7) % 60),
       CASE o.nationality WHEN 'SE' THEN '111 22' WHEN 'DK' THEN '1050' WHEN 'DE' THEN '10115'
            WHEN 'GB' THEN 'LS1 4AP' ELSE (ARRAY['0150', '5003', '7010', '4006', '9008', '3015', '4610'])[1 + o.id % 7] END,
       CASE o.nationality WHEN 'SE' THEN 'Stockholm' WHEN 'DK' THEN 'København K' WHEN 'DE' THEN 'Berlin'
            WHEN 'GB' THEN 'Leeds'
            ELSE (ARRAY['Oslo', 'Bergen', 'Trondheim', 'Stavanger', 'Tromsø', 'Drammen', 'Kristiansand'])[1 + o.id % 7] END,
       o.nationality,
       o.method,
       CASE WHEN o.method = 'card' THEN lpad(((o.id * 389 + o.k * 17) % 10000)::text, 4, '0') END,
       CASE WHEN o.method = 'invoice' THEN 'F-' || o.y || '-' || lpad((o.id * 10 + o.k)::text, 5, '0') END,
       0, 0,
       CASE o.nationality WHEN 'DE' THEN 'EUR' WHEN 'GB' THEN 'GBP' ELSE 'NOK' END,
       CASE WHEN (o.id + o.k) % 17 = 0 THEN 'refunded'
            WHEN (o.id + o.k) % 19 = 0 THEN 'cancelled'
            WHEN o.y = 2026 AND o.method = 'invoice' THEN 'invoiced'
            ELSE 'paid' END
FROM (
    SELECT c.*, k.k, y.y,
           (ARRAY['card', 'invoice', 'vipps'])[1 + (c.id + k.k) % 3] AS method,
           make_timestamptz(y.y::int,
                            (CASE WHEN y.y = 2026 THEN 1 + (c.id + k.k) % 10 ELSE 6 + (c.id + k.k) % 6 END)::int,
                            (1 + (c.id * 7 + k.k * 3) % 27)::int, (9 + (c.id + k.k) % 9)::int,
                            ((c.id * 13) % 60)::int, 0, 'Europe/Oslo') AS ordered_at
    FROM sample_active c
    CROSS JOIN LATERAL generate_series(0, c.id % 4 - 1) AS k (k)
    CROSS JOIN LATERAL (SELECT 2019 + ((c.id / 4) * 3 + k.k * 5) % 8) AS y (y)
) AS o
ORDER BY o.ordered_at, o.id;

-- Lines for the generated orders: 1-3 products each.
INSERT INTO crm.order_lines (order_id, description, quantity, unit_price)
SELECT o.id, p.description, 1 + (o.id + l.l) % 3, p.unit_price
FROM crm.orders o
CROSS JOIN LATERAL generate_series(0, o.id % 3) AS l (l)
JOIN (VALUES (0, 'Konferansebillett', 4900.00), (1, 'Middag og underholdning', 1250.00),
             (2, 'Hotellnatt', 1890.00), (3, 'Workshop', 2400.00), (4, 'Digitalt deltakerpass', 990.00))
     AS p (n, description, unit_price) ON p.n = (o.id + l.l * 2) % 5
WHERE NOT EXISTS (SELECT 1 FROM crm.order_lines x WHERE x.order_id = o.id)
ORDER BY o.id, l.l;

-- Dietary needs for every fifth customer; consent withdrawn for some.
INSERT INTO crm.dietary_needs (customer_id, needs, consent_given_at, consent_withdrawn_at)
SELECT c.id,
       (ARRAY['laktosefri', 'vegetar', 'vegan', 'nøtteallergi', 'halal', 'pescetar'])[1 + (c.id / 5) % 6],
       ((date '2022-09-01' + (c.id * 17) % 400) + time '12:00') AT TIME ZONE 'Europe/Oslo',
       CASE WHEN c.id % 3 = 0
            THEN ((date '2024-02-01' + (c.id * 11) % 500) + time '15:30') AT TIME ZONE 'Europe/Oslo' END
FROM sample_active c
WHERE c.id % 5 = 1 OR c.id % 5 = 3 AND c.id % 2 = 0
ORDER BY c.id;

-- Event registrations: about two in five customers per event; attendance is
-- unknown for events that have not taken place yet.
INSERT INTO crm.event_registrations (customer_id, event_id, registered_at, attended)
SELECT c.id, e.id,
       ((e.starts_on - (20 + c.id % 40)) + time '10:15' + (c.id % 7) * interval '1 hour') AT TIME ZONE 'Europe/Oslo',
       CASE WHEN e.starts_on > date '2026-11-25' THEN NULL ELSE (c.id + e.id) % 6 <> 0 END
FROM sample_active c
CROSS JOIN crm.events e
WHERE (c.id + e.id * 2) % 5 < 2
ORDER BY e.id, c.id;

-- Participant lists go to the event's partner three days before the event,
-- only for customers who did not object to sharing.
INSERT INTO crm.disclosures (customer_id, partner_id, event_id, disclosed_at, fields_disclosed)
SELECT r.customer_id, 1 + e.id % 4, e.id,
       ((e.starts_on - 3) + time '12:00') AT TIME ZONE 'Europe/Oslo',
       CASE WHEN e.id % 2 = 0 THEN ARRAY['first_name', 'last_name', 'organization']
            ELSE ARRAY['first_name', 'last_name', 'organization', 'title'] END
FROM crm.event_registrations r
JOIN crm.events e ON e.id = r.event_id
JOIN crm.customers c ON c.id = r.customer_id
WHERE r.customer_id > 4 AND c.share_with_partners AND e.starts_on - 3 <= date '2026-11-25'
ORDER BY e.id, r.customer_id;

-- Feedback and survey answers after attended events.
INSERT INTO crm.feedback (customer_id, event_id, given_at, rating, comment)
SELECT r.customer_id, r.event_id,
       ((e.starts_on + 2) + time '14:00' + (r.customer_id % 5) * interval '1 hour') AT TIME ZONE 'Europe/Oslo',
       1 + (r.customer_id * 7 + r.event_id * 3) % 5,
       (ARRAY['Godt program og hyggelige folk.', 'Lokalet var for lite til så mange.',
              'Savnet flere pauser.', NULL, 'Great speakers, well organised.',
              'Maten kom for sent til bordene.'])[1 + (r.customer_id + r.event_id) % 6]
FROM crm.event_registrations r
JOIN crm.events e ON e.id = r.event_id
WHERE r.customer_id > 4 AND r.attended AND (r.customer_id + r.event_id) % 2 = 0
ORDER BY r.event_id, r.customer_id;

INSERT INTO crm.survey_answers (customer_id, event_id, survey, question, answer, answered_at)
SELECT r.customer_id, r.event_id, 'Etter arrangementet', q.question,
       CASE q.n WHEN 1 THEN (1 + (r.customer_id + r.event_id * 5) % 5)::text
                ELSE (ARRAY['Ja', 'Nei', 'Kanskje'])[1 + (r.customer_id + r.event_id) % 3] END,
       ((e.starts_on + 3) + time '09:00' + (r.customer_id % 9) * interval '1 hour') AT TIME ZONE 'Europe/Oslo'
FROM crm.event_registrations r
JOIN crm.events e ON e.id = r.event_id
CROSS JOIN (VALUES (1, 'Hvor fornøyd var du med programmet (1-5)?'),
                   (2, 'Vil du delta neste år?')) AS q (n, question)
WHERE r.customer_id > 4 AND r.attended AND (r.customer_id + r.event_id) % 3 = 1
ORDER BY r.event_id, r.customer_id, q.n;

-- Notes from conversations and follow-ups.
INSERT INTO crm.conversation_notes (customer_id, kind, noted_at, author, body, follow_up_due, done_at)
SELECT c.id, n.kind,
       ((date '2024-01-10' + (c.id * 23 + n.n * 7) % 650) + time '10:00') AT TIME ZONE 'Europe/Oslo',
       (ARRAY['Salg', 'Kundesenter', 'Arrangement'])[1 + (c.id + n.n) % 3],
       CASE n.kind
           WHEN 'note' THEN (ARRAY['Ønsker tilbud på konferansepakke for tolv personer.',
                                   'Spurte om parkering ved lokalet.',
                                   'Interessert i å være sponsor neste år.',
                                   'Vil ha faktura på e-post i stedet for papir.'])[1 + c.id % 4]
           ELSE (ARRAY['Ring tilbake om gruppepris.', 'Send program for høstens samling.',
                       'Følg opp tilbudet som ble sendt.'])[1 + c.id % 3]
       END,
       CASE WHEN n.kind = 'follow_up' THEN date '2024-01-24' + (c.id * 23 + n.n * 7) % 650 END,
       CASE WHEN n.kind = 'follow_up' AND c.id % 8 <> 1
            THEN ((date '2024-01-20' + (c.id * 23 + n.n * 7) % 650) + time '13:00') AT TIME ZONE 'Europe/Oslo' END
FROM sample_active c
JOIN (VALUES (1, 'note'), (2, 'follow_up')) AS n (n, kind)
  ON (n.kind = 'note' AND c.id % 3 = 0) OR (n.kind = 'follow_up' AND c.id % 4 = 1)
ORDER BY c.id, n.n;

-- Campaign membership and marketing choices. Customers who opted out of
-- marketing are kept with opted_in = false.
INSERT INTO crm.campaign_members (campaign_id, customer_id, opted_in, channel, changed_at)
SELECT m.id, c.id, NOT c.marketing_opt_out, m.channel,
       CASE WHEN c.marketing_opt_out
            THEN ((date '2024-03-01' + (c.id * 3) % 200) + time '11:00') AT TIME ZONE 'Europe/Oslo'
            ELSE greatest(c.created_at, ((m.starts_on - 5) + time '09:00') AT TIME ZONE 'Europe/Oslo') END
FROM sample_active c
CROSS JOIN crm.campaigns m
WHERE (m.kind = 'newsletter' AND (c.id % 2 = 0 OR c.marketing_opt_out))
   OR (m.kind <> 'newsletter' AND (c.id + m.id) % 4 = 0 AND (m.channel <> 'sms' OR c.phone IS NOT NULL))
ORDER BY m.id, c.id;

-- Interests: two topics per customer.
INSERT INTO crm.interests (customer_id, topic, recorded_at)
SELECT c.id, t.topic, ((date '2020-02-01' + (c.id * 11 + t.n * 90) % 900) + time '16:00') AT TIME ZONE 'Europe/Oslo'
FROM sample_active c
CROSS JOIN LATERAL (VALUES (1, 1 + c.id % 8), (2, 1 + (c.id * 3 + 1) % 8)) AS p (n, topic_no)
CROSS JOIN LATERAL (SELECT p.n, (ARRAY['bærekraft', 'ledelse', 'teknologi', 'markedsføring', 'energi',
                                       'reiseliv', 'helse og trening', 'kultur'])[p.topic_no]) AS t (n, topic)
ORDER BY c.id, t.n;

-- Use of privacy rights: objections by those who opted out, some access and
-- rectification requests.
INSERT INTO crm.privacy_requests (customer_id, kind, requested_at, handled_at)
SELECT c.id, r.kind, r.requested_at, r.requested_at + interval '2 days' + (c.id % 10) * interval '1 day'
FROM sample_active c
CROSS JOIN LATERAL (VALUES
    ('object',  ((date '2024-03-01' + (c.id * 3) % 200) + time '10:30') AT TIME ZONE 'Europe/Oslo',
                c.marketing_opt_out),
    ('access',  ((date '2023-06-01' + (c.id * 5) % 500) + time '09:00') AT TIME ZONE 'Europe/Oslo',
                c.id % 10 = 7),
    ('rectify', ((date '2025-02-01' + (c.id * 7) % 300) + time '14:00') AT TIME ZONE 'Europe/Oslo',
                c.id % 23 = 4)
) AS r (kind, requested_at, applies)
WHERE r.applies
ORDER BY c.id, r.requested_at;

-- Sessions in the digital services (documentation IP ranges only).
INSERT INTO crm.digital_sessions (customer_id, service, ip, os, browser, language, started_at)
SELECT c.id, v.service,
       CASE (c.id + s.s) % 4
           WHEN 0 THEN ('192.0.2.' || (1 + c.id % 254))::inet
           WHEN 1 THEN ('198.51.100.' || (1 + (c.id * 3 + s.s) % 254))::inet
           WHEN 2 THEN ('203.0.113.' || (1 + (c.id * 5 + s.s) % 254))::inet
           ELSE ('2001:db8::' || to_hex(c.id * 16 + s.s))::inet
       END,
       v.os,
       v.browser,
       CASE c.language WHEN 'nb' THEN 'nb-NO' WHEN 'nn' THEN 'nn-NO' WHEN 'sv' THEN 'sv-SE'
                       WHEN 'da' THEN 'da-DK' WHEN 'de' THEN 'de-DE' ELSE 'en-GB' END,
       ((date '2025-01-05' + (c.id * 17 + s.s * 53) % 650) + time '07:00' + ((c.id + s.s) % 14) * interval '1 hour')
           AT TIME ZONE 'Europe/Oslo'
FROM sample_active c
CROSS JOIN LATERAL generate_series(0, c.id % 3) AS s (s)
JOIN (VALUES (0, 'nettside',      'Windows 11', 'Edge 142'),
             (1, 'billettportal', 'macOS 15',   'Safari 19'),
             (2, 'deltakerapp',   'Android 16', NULL),
             (3, 'nettside',      'Ubuntu 24.04', 'Firefox 146'),
             (4, 'deltakerapp',   'iOS 19',     NULL))
     AS v (n, service, os, browser) ON v.n = (c.id * 3 + s.s) % 5
ORDER BY c.id, s.s;

-- Mobile devices of app users.
INSERT INTO crm.devices (customer_id, platform, model, device_identifier, first_seen_at, last_seen_at)
SELECT c.id, d.platform, d.model,
       CASE d.platform WHEN 'ios' THEN upper(md5('crm-device-' || c.id)::uuid::text)
                       ELSE md5('crm-device-' || c.id)::uuid::text END,
       d.first_seen,
       d.first_seen + (100 + c.id % 200) * interval '1 day'
FROM sample_active c
CROSS JOIN LATERAL (SELECT CASE WHEN c.id % 2 = 0 THEN 'ios' ELSE 'android' END,
                           (ARRAY['iPhone 14', 'Pixel 8', 'iPhone 16', 'Galaxy S24'])[1 + c.id % 4],
                           ((date '2024-03-01' + (c.id * 7) % 300) + time '08:00') AT TIME ZONE 'Europe/Oslo')
     AS d (platform, model, first_seen)
WHERE c.id % 3 = 1
ORDER BY c.id;

-- Recorded service calls.
INSERT INTO crm.recorded_calls (customer_id, started_at, duration_s, storage_ref, agent)
SELECT c.id,
       ((date '2024-01-08' + (c.id * 13) % 600) + time '10:00' + (c.id % 6) * interval '1 hour') AT TIME ZONE 'Europe/Oslo',
       45 + (c.id * 37) % 900,
       'opptak/samtale-' || lpad(c.id::text, 6, '0') || '.opus',
       'kundesenter-' || (1 + c.id % 4)
FROM sample_active c
WHERE c.id % 7 = 2
ORDER BY c.id;

-- E-mail and chat correspondence: a question and our answer.
INSERT INTO crm.correspondence (customer_id, channel, direction, sent_at, subject, body)
SELECT c.id, m.channel, m.direction,
       m.asked_at + CASE m.direction WHEN 'inbound' THEN interval '0'
                                     WHEN 'outbound' THEN CASE m.channel WHEN 'email' THEN interval '26 hours'
                                                                         ELSE interval '3 minutes' END END,
       CASE WHEN m.channel = 'email' THEN
           CASE m.direction WHEN 'outbound' THEN 'SV: ' ELSE '' END
           || (ARRAY['Endre navn på billett', 'Spørsmål om program', 'Kvittering', 'Hotell i nærheten'])[1 + c.id % 4]
       END,
       CASE WHEN m.direction = 'inbound' THEN
           (ARRAY['Hei! Er det mulig å overføre billetten min til en kollega?',
                  'Når blir programmet for konferansen publisert?',
                  'Jeg trenger en kvittering for bestillingen min.',
                  'Kan dere anbefale et hotell nær konferansestedet?'])[1 + c.id % 4]
       ELSE
           'Hei ' || c.first_name || ', takk for henvendelsen. '
           || (ARRAY['Billetten kan overføres i billettportalen.',
                     'Programmet publiseres fire uker før arrangementet.',
                     'Kvitteringen ligger vedlagt.',
                     'Vi har avtale med et hotell rett ved siden av lokalet.'])[1 + c.id % 4]
       END
FROM sample_active c
CROSS JOIN LATERAL (VALUES
    ('email', 'inbound',  c.id % 2 = 1),
    ('email', 'outbound', c.id % 2 = 1),
    ('chat',  'inbound',  c.id % 5 = 3),
    ('chat',  'outbound', c.id % 5 = 3)
) AS m0 (channel, direction, applies)
CROSS JOIN LATERAL (SELECT m0.channel, m0.direction,
                           ((date '2024-05-02' + (c.id * 19 + length(m0.channel) * 31) % 700) + time '08:45'
                            + (c.id % 8) * interval '1 hour') AT TIME ZONE 'Europe/Oslo') AS m (channel, direction, asked_at)
WHERE m0.applies
ORDER BY c.id, m.channel, m.direction;


-- Orders: amounts follow from the lines (net price plus 25 % VAT).
UPDATE crm.orders o
SET vat_nok    = round(l.net * 0.25, 2),
    amount_nok = l.net + round(l.net * 0.25, 2)
FROM (SELECT order_id, sum(quantity * unit_price) AS net FROM crm.order_lines GROUP BY order_id) l
WHERE l.order_id = o.id;

-- When each customer last gave us personal data (drives the retention period).
UPDATE crm.customers c
SET last_disclosure_at = greatest(
    c.created_at,
    (SELECT max(ordered_at)       FROM crm.orders              WHERE customer_id = c.id),
    (SELECT max(registered_at)    FROM crm.event_registrations WHERE customer_id = c.id),
    (SELECT max(consent_given_at) FROM crm.dietary_needs       WHERE customer_id = c.id),
    (SELECT max(given_at)         FROM crm.feedback            WHERE customer_id = c.id),
    (SELECT max(answered_at)      FROM crm.survey_answers      WHERE customer_id = c.id),
    (SELECT max(changed_at)       FROM crm.campaign_members    WHERE customer_id = c.id),
    (SELECT max(requested_at)     FROM crm.privacy_requests    WHERE customer_id = c.id),
    (SELECT max(started_at)       FROM crm.recorded_calls      WHERE customer_id = c.id),
    (SELECT max(sent_at)          FROM crm.correspondence      WHERE customer_id = c.id
                                                                 AND direction = 'inbound'));

COMMIT;
