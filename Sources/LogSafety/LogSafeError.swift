/// An error whose description can go into a log line, an audit reason and an
/// operator's alert: it holds only codes, states, counts and names from
/// dsrd's own configuration and code (files and lines of templates, key
/// paths, map entries, tables, SQLSTATEs), never a value from a person (mail,
/// the customer database) or a secret.
///
/// Each error says so at its definition, so whoever adds a case sees the
/// promise its text has to keep.
public protocol LogSafeError: Error, CustomStringConvertible {}
