package il.co.voicely.rag.assist;

import static org.assertj.core.api.Assertions.assertThat;

import il.co.voicely.core.db.Database;
import il.co.voicely.core.testing.PostgresExtension;
import il.co.voicely.core.testing.TestDatabase;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(PostgresExtension.class)
class LeadCaptureTest {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-25T09:00:00Z"), ZoneOffset.UTC);

    @Test
    void theFormWalksThroughEveryStepAndStoresTheLead(Database db) {
        LeadCapture leads = new LeadCapture(db, CLOCK);

        LeadPrompt p = leads.start("visitor-1", Language.HEBREW, Optional.empty());
        assertThat(p.step()).isEqualTo(LeadStep.NAME);
        assertThat(p.text()).isEqualTo("אשמח לחזור אליך. איך קוראים לך?");
        assertThat(leads.reply("visitor-1", "נועה כהן").step()).isEqualTo(LeadStep.PHONE);
        LeadPrompt wrong = leads.reply("visitor-1", "אין לי טלפון");
        assertThat(wrong.invalid()).isTrue();
        assertThat(wrong.step()).isEqualTo(LeadStep.PHONE);
        assertThat(wrong.text()).contains("050-1234567");
        assertThat(leads.reply("visitor-1", "050-1234567").step()).isEqualTo(LeadStep.EMAIL);
        assertThat(leads.reply("visitor-1", "Noa@Example.COM").step()).isEqualTo(LeadStep.INTEREST);
        assertThat(leads.reply("visitor-1", "שיעור ניסיון").step()).isEqualTo(LeadStep.CONSENT);
        assertThat(leads.reply("visitor-1", "אולי").invalid()).isTrue();
        LeadPrompt done = leads.reply("visitor-1", "כן");

        assertThat(done.done()).isTrue();
        assertThat(done.text()).startsWith("תודה!");
        Lead lead = leads.find("visitor-1").orElseThrow();
        assertThat(lead.name()).contains("נועה כהן");
        assertThat(lead.phone()).contains("+972501234567");
        assertThat(lead.email()).contains("noa@example.com");
        assertThat(lead.interest()).contains("שיעור ניסיון");
        assertThat(lead.consent()).contains(true);
        assertThat(lead.step()).isEqualTo(LeadStep.DONE);
    }

    @Test
    void aReturningVisitorUpdatesTheSameLead(Database db, TestDatabase tdb) {
        LeadCapture leads = new LeadCapture(db, CLOCK);
        LeadPrompt first = leads.start("visitor-2", Language.ENGLISH, Optional.of("juniors programme"));
        leads.reply("visitor-2", "Dan");

        LeadPrompt again = leads.start("visitor-2", Language.ENGLISH, Optional.empty());
        assertThat(again.leadId()).isEqualTo(first.leadId());
        assertThat(again.text()).isEqualTo("I'd be glad to get back to you. What is your name?");
        leads.reply("visitor-2", "Dan Levi");

        int rows = tdb.owner().withHandle(h -> h.createQuery("select count(*) from leads where visitor_key = 'visitor-2'")
                .mapTo(Integer.class).one());
        assertThat(rows).isEqualTo(1);
        Lead lead = leads.find("visitor-2").orElseThrow();
        assertThat(lead.name()).contains("Dan Levi");
        assertThat(lead.interest()).as("kept from the first visit").contains("juniors programme");
        assertThat(lead.step()).isEqualTo(LeadStep.PHONE);
    }

    @Test
    void decliningConsentKeepsNoContactDetails(Database db) {
        LeadCapture leads = new LeadCapture(db, CLOCK);
        leads.start("visitor-3", Language.ENGLISH, Optional.empty());
        leads.reply("visitor-3", "Maya");
        leads.reply("visitor-3", "+972 52 765 4321");
        leads.reply("visitor-3", "skip");
        leads.reply("visitor-3", "private lessons");

        LeadPrompt done = leads.reply("visitor-3", "no");

        assertThat(done.done()).isTrue();
        assertThat(done.text()).startsWith("All right, we have not kept your contact details.");
        Lead lead = leads.find("visitor-3").orElseThrow();
        assertThat(lead.consent()).contains(false);
        assertThat(lead.name()).isEmpty();
        assertThat(lead.phone()).isEmpty();
        assertThat(lead.email()).isEmpty();
    }
}
