// Runs SPARQL SELECT queries with Apache Jena ARQ on one data file, loaded once.
// java -cp CLASSPATH RunQueries.java DATA QUERY-FILE RESULTS-FILE [QUERY-FILE RESULTS-FILE]...
// Each answer is written as SPARQL JSON results; each query's time goes to stderr.
import java.io.FileOutputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QueryExecutionFactory;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.ResultSetFormatter;
import org.apache.jena.riot.RDFDataMgr;

public class RunQueries {
    public static void main(String[] args) throws Exception {
        Dataset dataset = RDFDataMgr.loadDataset(args[0]);
        for (int i = 1; i + 1 < args.length; i += 2) {
            String text = Files.readString(Path.of(args[i]));
            long started = System.nanoTime();
            try (QueryExecution execution = QueryExecutionFactory.create(QueryFactory.create(text), dataset);
                 OutputStream out = new FileOutputStream(args[i + 1])) {
                ResultSetFormatter.outputAsJSON(out, execution.execSelect());
            }
            System.err.printf("%s %.3f%n", Path.of(args[i]).getFileName(), (System.nanoTime() - started) / 1e9);
        }
    }
}
