/// How to reach PostgreSQL. Turned into libpq keyword/value pairs, so no
/// value ever needs quoting or escaping in a connection string.
public struct PostgresConfiguration: Sendable, Equatable {
    public var host: String
    public var port: Int
    public var database: String
    public var user: String
    public var password: String?
    /// libpq's `sslmode` (`disable`, `prefer`, `require`, `verify-ca`, `verify-full`).
    public var sslMode: String
    public var sslRootCert: String?
    public var connectTimeoutSeconds: Int
    public var applicationName: String

    public init(
        host: String, port: Int, database: String, user: String, password: String?,
        sslMode: String = "prefer", sslRootCert: String? = nil,
        connectTimeoutSeconds: Int = 10, applicationName: String = "dsrd"
    ) {
        self.host = host
        self.port = port
        self.database = database
        self.user = user
        self.password = password
        self.sslMode = sslMode
        self.sslRootCert = sslRootCert
        self.connectTimeoutSeconds = connectTimeoutSeconds
        self.applicationName = applicationName
    }

    /// The keyword/value pairs for `PQconnectdbParams`.
    var keywordValuePairs: [(String, String)] {
        var pairs: [(String, String)] = [
            ("host", host),
            ("port", String(port)),
            ("dbname", database),
            ("user", user),
            ("sslmode", sslMode),
            ("connect_timeout", String(connectTimeoutSeconds)),
            ("application_name", applicationName),
            // Server NOTICEs would go to stderr through libpq's default
            // handler, outside dsrd's logger.
            ("options", "-c client_min_messages=warning"),
            // Detect a dead server on an idle connection within about a minute.
            ("keepalives", "1"),
            ("keepalives_idle", "30"),
            ("keepalives_interval", "10"),
            ("keepalives_count", "3"),
        ]
        if let password { pairs.append(("password", password)) }
        if let sslRootCert { pairs.append(("sslrootcert", sslRootCert)) }
        return pairs
    }
}
