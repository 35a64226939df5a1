/**
 * Assistants over the indexed sources: {@link il.co.voicely.rag.assist.WebsiteAssistant} for visitors (with
 * {@link il.co.voicely.rag.assist.LeadCapture}), {@link il.co.voicely.rag.assist.TeacherAssistant},
 * {@link il.co.voicely.rag.assist.LessonPlanGenerator}, {@link il.co.voicely.rag.assist.LessonSummarizer} and
 * {@link il.co.voicely.rag.assist.SentimentAnalyzer}.
 *
 * <pre>{@code
 * Optional<ChatModel> model = ChatModels.fromSettings(LlmSettings.fromEnvironment(System.getenv()));
 * WebsiteAssistant site = new WebsiteAssistant(db, new HybridSearch(db, LocalEmbeddingModel.bundled()), model,
 *         new Handoffs(db, new AuditLog(db, clock), clock), clock);
 * Answer a = site.ask(Optional.of(conversationId), "כמה עולה שיעור ניסיון?", out::print);
 * }</pre>
 *
 * <p>Every assistant works with no model configured: it then quotes the retrieved passages with their
 * citations and says that it is quoting, and never writes an answer of its own.
 */
package il.co.voicely.rag.assist;
