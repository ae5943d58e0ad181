package dev.parley.ui.welcome;

import dev.parley.firstrun.ModelOffers;
import dev.parley.firstrun.ModelOffers.Offer;
import dev.parley.ui.Tasks;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The welcome's third step, which model answers: the offers the background probe found (local
 * Ollama models first, the embedded model with its download size, cloud providers), the one chosen,
 * and for a cloud provider without a key, the key typed for the keychain and a note on where it goes.
 */
public final class ModelChoice {

    private final WelcomeBackend backend;
    private final Tasks tasks;
    private final ObservableList<Offer> offers = FXCollections.observableArrayList();
    /** One wrapper, kept: it holds the views' listeners, which a wrapper made per call would lose to GC. */
    private final ObservableList<Offer> readOnlyOffers = FXCollections.unmodifiableObservableList(offers);
    private final ObjectProperty<Offer> selected = new SimpleObjectProperty<>();
    private final ReadOnlyStringWrapper offersStatus = new ReadOnlyStringWrapper("Looking for a local Ollama…");
    private final ReadOnlyBooleanWrapper keychain = new ReadOnlyBooleanWrapper(false);
    private final StringProperty apiKey = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper keyNote = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper needsKey = new ReadOnlyBooleanWrapper(false);

    ModelChoice(WelcomeBackend backend, Tasks tasks) {
        this.backend = backend;
        this.tasks = tasks;
        selected.addListener((obs, old, now) -> updateKeyNote());
        apiKey.addListener((obs, old, now) -> updateKeyNote());
        keychain.addListener((obs, old, now) -> updateKeyNote());
    }

    /** Probes for the offers in the background and preselects the first one usable right away. */
    void find() {
        tasks.run(backend::choices, found -> {
            keychain.set(found.keychain());
            offers.setAll(found.offers());
            selected.set(found.offers().stream().filter(Offer::ready).findFirst()
                    .orElse(found.offers().isEmpty() ? null : found.offers().getFirst()));
            offersStatus.set(capitalized(found.ollama()) + ".");
        }, failure -> offersStatus.set("Could not list the models: " + Tasks.message(failure)));
    }

    /** The key to store in the keychain with the chosen offer: typed for a cloud provider, else empty. */
    String keyToStore() {
        return selected.get() instanceof ModelOffers.CloudOffer && keychain.get() && apiKey.get() != null
                ? apiKey.get().strip() : "";
    }

    /** The typed key is in the keychain now: it is not kept in memory longer than needed. */
    void keyStored() {
        apiKey.set("");
    }

    private void updateKeyNote() {
        if (!(selected.get() instanceof ModelOffers.CloudOffer cloud) || cloud.keySet()) {
            needsKey.set(false);
            keyNote.set("");
            return;
        }
        needsKey.set(true);
        if (!keychain.get()) {
            keyNote.set("There is no keychain on this system: set " + cloud.apiKeyEnv()
                    + " in your environment before starting Parley (export " + cloud.apiKeyEnv() + "=...).");
        } else if (apiKey.get() == null || apiKey.get().isBlank()) {
            keyNote.set("Paste your " + cloud.provider() + " API key; it is stored in the OS keychain as "
                    + cloud.apiKeyEnv() + ", never in config.yaml. Or set " + cloud.apiKeyEnv() + " in your environment.");
        } else {
            keyNote.set("The key goes to the OS keychain as " + cloud.apiKeyEnv() + " when you finish.");
        }
    }

    private static String capitalized(String text) {
        return text == null || text.isEmpty() ? "" : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    public ObservableList<Offer> offers() {
        return readOnlyOffers;
    }

    /** The offer chosen; preselected to the first one usable right away. */
    public ObjectProperty<Offer> selectedProperty() {
        return selected;
    }

    public ReadOnlyStringProperty offersStatusProperty() {
        return offersStatus.getReadOnlyProperty();
    }

    /** The API key typed for the selected cloud provider. */
    public StringProperty apiKeyProperty() {
        return apiKey;
    }

    /** Whether the selected offer is a cloud provider whose key is not set yet. */
    public ReadOnlyBooleanProperty needsKeyProperty() {
        return needsKey.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty keychainProperty() {
        return keychain.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty keyNoteProperty() {
        return keyNote.getReadOnlyProperty();
    }
}
