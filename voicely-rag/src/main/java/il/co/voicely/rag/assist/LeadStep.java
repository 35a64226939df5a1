package il.co.voicely.rag.assist;

/** Where a visitor is in the lead form; the order of the constants is the order of the questions. */
public enum LeadStep {
    NAME, PHONE, EMAIL, INTEREST, CONSENT, DONE;

    LeadStep next() {
        return this == DONE ? DONE : values()[ordinal() + 1];
    }
}
