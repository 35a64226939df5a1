package il.co.voicely.rag.assist;

import java.util.UUID;

/**
 * What the form says next.
 *
 * @param leadId  the visitor's lead row
 * @param step    the question now open ({@link LeadStep#DONE} when the form is finished)
 * @param text    the question, or a thank-you, in the visitor's language
 * @param invalid the last reply was not accepted and the same question is asked again
 */
public record LeadPrompt(UUID leadId, LeadStep step, String text, boolean invalid) {

    public boolean done() {
        return step == LeadStep.DONE;
    }
}
