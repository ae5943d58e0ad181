package dev.parley.ui.usage;

import dev.parley.ui.Tasks;
import dev.parley.ui.main.Banner;
import dev.parley.ui.main.Banners;
import dev.parley.usage.UsageLedger;
import dev.parley.usage.UsageSummary;
import java.time.Duration;
import java.time.Instant;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The usage panel: tokens, cost and latency per provider over the last days, read off the UI thread. */
public final class UsageViewModel {

    private final UsageLedger ledger;
    private final Tasks tasks;
    private final Banners banners;
    private final ObservableList<UsageSummary.ProviderUsage> rows = FXCollections.observableArrayList();
    private final ObservableList<UsageSummary.ProviderUsage> rowsView = FXCollections.unmodifiableObservableList(rows);
    private int days = 30;

    public UsageViewModel(UsageLedger ledger, Tasks tasks, Banners banners) {
        this.ledger = ledger;
        this.tasks = tasks;
        this.banners = banners;
    }

    public void refresh() {
        Instant since = Instant.now().minus(Duration.ofDays(days));
        tasks.run(() -> UsageSummary.of(ledger.readSince(since), since), summary -> rows.setAll(summary.providers()),
                failure -> banners.show(Banner.error("usage", "Cannot read the usage ledger "
                        + ledger.file() + ": " + Tasks.message(failure))));
    }

    public void days(int days) {
        this.days = days;
        refresh();
    }

    public int days() {
        return days;
    }

    public ObservableList<UsageSummary.ProviderUsage> rows() {
        return rowsView;
    }
}
