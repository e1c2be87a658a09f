// JdbcStrings: the rule bound by setString, as Java code and JDBC-based BI
// tools bind it, through pgJDBC with its defaults (stringtype=varchar: a
// string parameter is sent as varchar; prepareThreshold=5: from the fifth
// execution of a PreparedStatement on, it is a named server-side prepared
// statement).  Run with Java's single-file source launcher:
//
//   java -cp /usr/share/java/postgresql.jar test/clients/JdbcStrings.java OUTDIR RULES QUERYDIR
//
// The connection comes from PGHOST, PGPORT, PGDATABASE, PGUSER, PGPASSWORD;
// ABSOLV_JDBC_URL_OPTIONS is appended to the URL (?prepareThreshold=0), and
// ABSOLV_JDBC_WAYS chooses the ways below (default "jdbc jdbc-generic").
// For each query QUERYDIR/{quota,verdict,name}.sql ($1 is the rule), one
// PreparedStatement runs once per line of the file RULES, and the rows of
// run N go to OUTDIR/WAY.QUERY.N.txt as psql -At -F'|' prints them
// (getString of each column, an array through getArray, NULL as an empty
// string).  WAY is jdbc (the driver's defaults) and jdbc-generic (the same
// with plan_cache_mode=force_generic_plan, through the connection property
// options).  Standard output, per way:
//   way WAY
//   driver VERSION
//   prepareThreshold N
//   types WAY QUERY runs 1-4 COLUMN=CLASS ...   (getObject's classes, before the threshold)
//   types WAY QUERY runs 5-N COLUMN=CLASS ...   (and on the server-side prepared statement)
//   prepared WAY NAME|PARAMETER_TYPES|GENERIC_PLANS|CUSTOM_PLANS|STATEMENT
//     (pg_prepared_statements of the connection at the end)
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

public class JdbcStrings {
    static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isEmpty() ? fallback : v;
    }

    // an array as PostgreSQL writes it: getString of an array differs
    // between text transfer ({CONTACT}) and the binary transfer of a
    // server-side prepared statement ({"CONTACT"}), so the elements are
    // read with getArray and written here
    static String arrayText(Object[] elements) {
        StringBuilder b = new StringBuilder("{");
        for (int i = 0; i < elements.length; i++) {
            String e = elements[i] == null ? null : elements[i].toString();
            b.append(i > 0 ? "," : "");
            if (e == null) {
                b.append("NULL");
            } else if (e.isEmpty() || e.equalsIgnoreCase("NULL") || e.matches(".*[\\s,\"\\\\{}].*")) {
                b.append('"').append(e.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
            } else {
                b.append(e);
            }
        }
        return b.append("}").toString();
    }

    static void printTypes(String label, String[] classes) {
        StringBuilder t = new StringBuilder("types " + label);
        for (String cl : classes) {
            t.append(" ").append(cl);
        }
        System.out.println(t);
    }

    public static void main(String[] args) throws Exception {
        Path out = Paths.get(args[0]);
        List<String> rules = Files.readAllLines(Paths.get(args[1]));
        Path queries = Paths.get(args[2]);
        String url = "jdbc:postgresql://" + env("PGHOST", "localhost") + ":" + env("PGPORT", "5432")
                + "/" + env("PGDATABASE", "postgres") + env("ABSOLV_JDBC_URL_OPTIONS", "");
        for (String way : env("ABSOLV_JDBC_WAYS", "jdbc jdbc-generic").split(" ")) {
            Properties props = new Properties();
            props.setProperty("user", env("PGUSER", "postgres"));
            if (System.getenv("PGPASSWORD") != null) {
                props.setProperty("password", System.getenv("PGPASSWORD"));
            }
            if (way.equals("jdbc-generic")) {
                props.setProperty("options", "-c plan_cache_mode=force_generic_plan");
            }
            System.out.println("way " + way);
            run(way, url, props, out, rules, queries);
        }
    }

    static void run(String way, String url, Properties props, Path out, List<String> rules, Path queries)
            throws Exception {
        try (Connection c = DriverManager.getConnection(url, props)) {
            System.out.println("driver " + c.getMetaData().getDriverVersion());
            System.out.println("prepareThreshold " + c.unwrap(org.postgresql.PGConnection.class).getPrepareThreshold());
            for (String q : new String[] {"quota", "verdict", "name"}) {
                String sql = new String(Files.readAllBytes(queries.resolve(q + ".sql")), "UTF-8");
                int params = sql.split("\\$1", -1).length - 1;
                // getObject's classes: of the first value that is not NULL,
                // over the runs up to the threshold (1-4, text transfer) and
                // over the runs on the server-side statement (5-, which may
                // transfer binary)
                String[] before = null;
                String[] after = null;
                try (PreparedStatement ps = c.prepareStatement(sql.replace("$1", "?"))) {
                    for (int run = 1; run <= rules.size(); run++) {
                        for (int i = 1; i <= params; i++) {
                            ps.setString(i, rules.get(run - 1));
                        }
                        List<String> lines = new ArrayList<>();
                        try (ResultSet rs = ps.executeQuery()) {
                            ResultSetMetaData md = rs.getMetaData();
                            int n = md.getColumnCount();
                            if (before == null) {
                                before = new String[n];
                                after = new String[n];
                                for (int i = 1; i <= n; i++) {
                                    before[i - 1] = after[i - 1] = md.getColumnName(i) + "=(all NULL)";
                                }
                            }
                            String[] classes = run < 5 ? before : after;
                            while (rs.next()) {
                                StringBuilder line = new StringBuilder();
                                for (int i = 1; i <= n; i++) {
                                    Object o = rs.getObject(i);
                                    String s = o instanceof java.sql.Array
                                            ? arrayText((Object[]) ((java.sql.Array) o).getArray())
                                            : rs.getString(i);
                                    if (o != null && classes[i - 1].endsWith("=(all NULL)")) {
                                        classes[i - 1] = md.getColumnName(i) + "=" + o.getClass().getName();
                                    }
                                    line.append(i > 1 ? "|" : "").append(s == null ? "" : s);
                                }
                                lines.add(line.toString());
                            }
                        }
                        Files.write(out.resolve(way + "." + q + "." + run + ".txt"), lines);
                    }
                }
                printTypes(way + " " + q + " runs 1-4", before);
                printTypes(way + " " + q + " runs 5-" + rules.size(), after);
            }
            try (Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery(
                         "SELECT name, parameter_types::text, generic_plans, custom_plans, "
                         + "left(regexp_replace(statement, '\\s+', ' ', 'g'), 60) "
                         + "FROM pg_prepared_statements ORDER BY name")) {
                while (rs.next()) {
                    System.out.println("prepared " + way + " " + rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getString(3)
                            + "|" + rs.getString(4) + "|" + rs.getString(5));
                }
            }
        }
    }
}
