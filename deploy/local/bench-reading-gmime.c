/* The reference for bench-reading.sh: reads each file named on standard
 * input (one path a line) with GMime 3 as a mail reader would (parse the
 * message, walk every part, decode each text part to UTF-8 text) and prints
 * the number of messages read. Built by bench-reading.sh only; dsrd never
 * links GMime. */
#include <fcntl.h>
#include <gmime/gmime.h>
#include <stdio.h>
#include <string.h>

static size_t text_bytes;

static void visit(GMimeObject *parent, GMimeObject *part, gpointer data) {
    (void) parent; (void) data;
    if (GMIME_IS_MESSAGE_PART(part)) {
        GMimeMessage *inner = g_mime_message_part_get_message((GMimeMessagePart *) part);
        if (inner) g_mime_message_foreach(inner, visit, NULL);
        return;
    }
    if (GMIME_IS_TEXT_PART(part)) {
        char *text = g_mime_text_part_get_text((GMimeTextPart *) part);
        if (text) { text_bytes += strlen(text); g_free(text); }
    }
}

int main(void) {
    g_mime_init();
    char path[4096];
    long messages = 0, failed = 0;
    while (fgets(path, sizeof path, stdin)) {
        path[strcspn(path, "\n")] = 0;
        GMimeStream *stream = g_mime_stream_fs_open(path, O_RDONLY, 0644, NULL);
        if (!stream) { failed++; continue; }
        GMimeParser *parser = g_mime_parser_new_with_stream(stream);
        GMimeMessage *message = g_mime_parser_construct_message(parser, NULL);
        if (message) {
            const char *subject = g_mime_message_get_subject(message);
            if (subject) text_bytes += strlen(subject);
            g_mime_message_foreach(message, visit, NULL);
            g_object_unref(message);
            messages++;
        } else {
            failed++;
        }
        g_object_unref(parser);
        g_object_unref(stream);
    }
    printf("%ld messages read, %ld failed, %zu bytes of text\n", messages, failed, text_bytes);
    g_mime_shutdown();
    return 0;
}
