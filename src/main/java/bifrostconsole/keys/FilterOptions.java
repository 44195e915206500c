package bifrostconsole.keys;

import bifrostconsole.api.Customer;
import bifrostconsole.api.GovernanceSource;
import bifrostconsole.api.ListQuery;
import bifrostconsole.api.Team;
import bifrostconsole.ui.Formats;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The choices of the team and customer filter pickers, searched on the server: the first 50 matches with a
 * detail line (a team's customer or key count, a customer's key count) and the total, so a picker can say
 * "Showing 50 of 120: type to narrow". The key actions' "Assign to…" chooser lists the same.
 */
public final class FilterOptions {
    static final int PICKER_PAGE = 50;

    private final GovernanceSource source;
    private final Formats formats;

    public FilterOptions(GovernanceSource source, Formats formats) {
        this.source = source;
        this.formats = formats;
    }

    public CompletableFuture<FilterPickerViewModel.Options> teams(String search) {
        return source.listTeams(ListQuery.firstPage(PICKER_PAGE).withSearch(search)).thenApply(p -> {
            List<FilterOption> items = new ArrayList<>(p.items().size());
            for (Team t : p.items()) {
                String detail = t.customer() != null && t.customer().name() != null
                        ? "Customer: " + t.customer().name() : keyCount(t.virtualKeyCount());
                items.add(new FilterOption(t.id(), t.name(), detail));
            }
            return new FilterPickerViewModel.Options(items, p.totalCount());
        });
    }

    public CompletableFuture<FilterPickerViewModel.Options> customers(String search) {
        return source.listCustomers(ListQuery.firstPage(PICKER_PAGE).withSearch(search)).thenApply(p -> {
            List<FilterOption> items = new ArrayList<>(p.items().size());
            for (Customer c : p.items()) {
                items.add(new FilterOption(c.id(), c.name(), keyCount(c.virtualKeyCount())));
            }
            return new FilterPickerViewModel.Options(items, p.totalCount());
        });
    }

    private String keyCount(Integer n) {
        if (n == null) {
            return "";
        }
        return formats.count(n) + (n == 1 ? " key" : " keys");
    }
}
