/*
 * thresher.clean._speedups: the line labelling loop of text cleaning, compiled, and the
 * per-row loops of the page decisions (decide.py): context_rows, row_candidates, weights
 * and final_reasons, each the C copy of a Python function named *_python there, which
 * tests/clean/test_speedups.py compares it with on every development page.
 *
 * classify.label_lines_python is the reference; this module does the same work for the
 * lines where that work is arithmetic and set lookups, and calls back into Python for
 * everything else:
 *
 *   - the features of a line (features.line_features): from the bytes when the line's
 *     first 2,000 characters are Latin-1 or common punctuation (most lines of the web),
 *     else from its lower-cased characters (features._features_by_regex);
 *   - the first label (classify.first_label) of a line that none of the boilerplate
 *     checks can match (no trigger word, no digit, no "(c)" sign...) and of long lines:
 *     prose, a short sentence, a short line, code; every line a vocabulary rule or a
 *     pattern could match goes to classify.first_label;
 *   - the per-process memo of short lines' labels.
 *
 * Every table, word set, threshold and label comes from Python (the "context" tuple built
 * by classify.speedup_context), so the vocabulary and the numbers have one home. The
 * result is identical to the Python path's, field by field: tests/clean/test_speedups.py
 * compares both on every line of the development pages, on rewritten variants of them
 * and on generated text.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <stdint.h>
#include <string.h>

#define SAMPLE_CHARS 2000
#define KEYED_WORDS 60
#define DIGIT_CHARS 300
#define LONGEST_WORD 1000
#define CODE_CHARS 200
#define MAX_WIDE 64
#define MAX_MARKS 32

/* Take a tuple out of the garbage collector's watch. Safe for the tuples made here (a
 * line's tokens, its features, its label): they hold strings, numbers, enum
 * members and one another, never a reference back, so no reference cycle can run through
 * them. The collector would otherwise walk every one of them (the memo keeps tens of
 * thousands) on each full collection: LineFeatures is a tuple subclass, which the collector
 * never untracks by itself, and a label holds enum members, which are tracked. */
static void
untrack(PyObject *tuple)
{
    if (PyObject_GC_IsTracked(tuple))
        PyObject_GC_UnTrack(tuple);
}

/*
 * The stop words of a language that a Latin-1 token can be (classify.stop_table builds it):
 * a pair of a hash table of their Latin-1 bytes (FNV-1a, open addressing) and the tuple of
 * the words' str objects. The table's layout: a uint32 mask (slots - 1), then per slot
 * three uint32: an offset + 1 into the words' bytes (0: empty), a length and the index of
 * the word in the tuple; then the words' bytes. Looking a token up here gives what
 * looking its str up in the frozenset gives (a str of Latin-1 characters equals a word
 * exactly when their Latin-1 bytes are equal), without making the str or its hash: a
 * stop word found is the tuple's str (equal, shared, its hash made once).
 */
typedef struct {
    const unsigned char *data;
    uint32_t mask;
    const unsigned char *words;
    Py_ssize_t words_len;
    PyObject *strs; /* tuple of str */
} StopTable;

#define STOP_SLOT 12

static uint32_t
read_u32(const unsigned char *p)
{
    uint32_t v;
    memcpy(&v, p, 4);
    return v;
}

static int
parse_stop_table(PyObject *pair, StopTable *t)
{
    if (!PyTuple_Check(pair) || PyTuple_GET_SIZE(pair) != 2 || !PyBytes_Check(PyTuple_GET_ITEM(pair, 0)) ||
        !PyTuple_Check(PyTuple_GET_ITEM(pair, 1))) {
        PyErr_SetString(PyExc_TypeError, "_speedups: the stop table must be (bytes, tuple)");
        return -1;
    }
    PyObject *bytes = PyTuple_GET_ITEM(pair, 0), *strs = PyTuple_GET_ITEM(pair, 1);
    const unsigned char *data = (const unsigned char *)PyBytes_AS_STRING(bytes);
    Py_ssize_t size = PyBytes_GET_SIZE(bytes);
    if (size < 4)
        goto bad;
    uint32_t mask = read_u32(data);
    Py_ssize_t head = 4 + STOP_SLOT * ((Py_ssize_t)mask + 1);
    if ((mask & (mask + 1)) != 0 || head > size)
        goto bad;
    t->data = data;
    t->mask = mask;
    t->words = data + head;
    t->words_len = size - head;
    t->strs = strs;
    int empty = 0;
    for (uint32_t i = 0; i <= mask; i++) {
        const unsigned char *slot = data + 4 + STOP_SLOT * (Py_ssize_t)i;
        uint32_t offset = read_u32(slot), len = read_u32(slot + 4), index = read_u32(slot + 8);
        if (offset == 0) {
            empty = 1;
            continue;
        }
        if ((Py_ssize_t)offset - 1 + (Py_ssize_t)len > t->words_len ||
            (Py_ssize_t)index >= PyTuple_GET_SIZE(strs) || !PyUnicode_CheckExact(PyTuple_GET_ITEM(strs, index)) ||
            PyUnicode_GET_LENGTH(PyTuple_GET_ITEM(strs, index)) != (Py_ssize_t)len)
            goto bad;
    }
    if (empty)
        return 0; /* (a lookup always ends at an empty slot) */
bad:
    PyErr_SetString(PyExc_ValueError, "_speedups: malformed stop table");
    return -1;
}

/* A str of n Latin-1 characters (PyUnicode_DecodeLatin1 without its scan for the widest
 * character when the caller knows whether one is beyond ASCII). */
static PyObject *
latin1_str(const unsigned char *bytes, Py_ssize_t n, int beyond_ascii)
{
    if (n == 1)
        return PyUnicode_FromOrdinal(bytes[0]); /* the interpreter's shared one */
    PyObject *str = PyUnicode_New(n, beyond_ascii ? 0xFF : 0x7F);
    if (str != NULL)
        memcpy(PyUnicode_1BYTE_DATA(str), bytes, (size_t)n);
    return str;
}

#define FNV_OFFSET 2166136261u
#define FNV_PRIME 16777619u

/* The word's str (borrowed) when the bytes, of FNV-1a hash h, are a word of the table,
 * else NULL */
static PyObject *
stop_word(const StopTable *t, uint32_t h, const unsigned char *s, Py_ssize_t n)
{
    for (uint32_t i = h & t->mask;; i = (i + 1) & t->mask) {
        const unsigned char *slot = t->data + 4 + STOP_SLOT * (Py_ssize_t)i;
        uint32_t offset = read_u32(slot);
        if (offset == 0)
            return NULL;
        if ((Py_ssize_t)read_u32(slot + 4) == n && memcmp(t->words + offset - 1, s, (size_t)n) == 0)
            return PyTuple_GET_ITEM(t->strs, read_u32(slot + 8));
    }
}

/* The roles of a word in the trigger tests, the bits of classify.word_roles (same order). */
enum {
    ROLE_MEDIA_START,
    ROLE_LINK_LABEL_START,
    ROLE_HEADING_START,
    ROLE_HEADING_END,
    ROLE_NAV,
    ROLE_SOCIAL,
    ROLE_LAST_TRIGGER,
    ROLE_ANY_TRIGGER,
    ROLE_AGENCY,
    ROLE_PHRASE_START,
    ROLE_PHRASE_SINGLE,
    ROLE_PHRASE_SECOND,
    ROLE_GALLERY_WORD,
    ROLE_CURRENCY_WORD,
    ROLE_READING_WORD,
    ROLE_FILE_TYPE,
    ROLE_MONTH_WORD,
    ROLE_SIGNING_WORD,
    ROLE_STAMP_REMOVABLE,
    ROLE_CAPTION_WORD,
    ROLE_CAPTION_LABEL,
    ROLE_COUNT
};
#define HAS(mask, role) (((mask) >> (role)) & 1u)
#define ROLE_WORDS 16 /* a line of more words is asked about in Python */

typedef struct {
    const unsigned char *word_table; /* 256 bytes: lower-cased word char, 32 blank, 28 control */
    /* word -> bits of its roles in the tests of classify._needs_boilerplate_checks
     * (classify.word_roles: the order of ROLES below) */
    PyObject *word_roles;
    Py_ssize_t short_line_words, nav_line_words;
    /* what the checks that need a digit need (classify._digit_checks_may_match) */
    Py_ssize_t digit_rule_words, stamp_chars;
    PyObject *gallery_starts, *price_starts, *currency_signs;
    /* the same words as sets, for lines too long for the roles */
    PyObject *footer_triggers;
    PyObject *caption_words;
    PyObject *caption_labels; /* first words of numbered captions ("Bild 2: ...") */
    PyObject *label_good, *label_near, *label_short, *label_code, *label_garbage;
    PyTypeObject *features_type; /* LineFeatures */
    PyObject *py_first_label;    /* classify.first_label_given(feat, th, needs) */
    PyObject *py_is_code;        /* classify._is_code(feat) */
    PyObject *thresholds;
    double good_words, good_stop_ratio, near_words, prose_words;
    Py_ssize_t cached_chars, cache_lines;
    Py_UCS4 wide[MAX_WIDE]; /* punctuation beyond Latin-1 read as a blank */
    Py_ssize_t n_wide;
    Py_UCS4 end_punct[MAX_MARKS];
    Py_ssize_t n_end_punct;
    Py_UCS4 closers[MAX_MARKS];
    Py_ssize_t n_closers;
    Py_UCS4 nospace[MAX_MARKS]; /* ranges of scripts written without spaces */
    Py_ssize_t n_nospace;
    Py_UCS4 bad_chars[MAX_MARKS]; /* ranges of control characters and U+FFFD */
    Py_ssize_t n_bad_chars;
    double chars_per_word;
} Context;

static int
read_chars(PyObject *str, Py_UCS4 *out, Py_ssize_t cap, Py_ssize_t *n, const char *what)
{
    Py_ssize_t len = PyUnicode_GET_LENGTH(str);
    if (len > cap) {
        PyErr_Format(PyExc_ValueError, "_speedups: too many %s characters", what);
        return -1;
    }
    for (Py_ssize_t i = 0; i < len; i++)
        out[i] = PyUnicode_READ_CHAR(str, i);
    *n = len;
    return 0;
}

/* 1 when obj is a tuple of str */
static int
str_tuple(PyObject *obj)
{
    if (!PyTuple_Check(obj))
        return 0;
    for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(obj); i++)
        if (!PyUnicode_Check(PyTuple_GET_ITEM(obj, i)))
            return 0;
    return 1;
}

static int
parse_context(PyObject *tuple, Context *c)
{
    const char *table;
    Py_ssize_t table_len;
    PyObject *wide, *end_punct, *closers, *nospace, *bad_chars, *features_type;
    if (!PyTuple_Check(tuple)) {
        PyErr_SetString(PyExc_TypeError, "_speedups: the context must be a tuple");
        return -1;
    }
    Py_ssize_t n_roles;
    if (!PyArg_ParseTuple(tuple, "y#Onnn(nnOOU)OOOOOOOOOOOOddddnnUUUUUd", &table, &table_len,
                          &c->word_roles, &n_roles, &c->short_line_words, &c->nav_line_words,
                          &c->digit_rule_words, &c->stamp_chars, &c->gallery_starts,
                          &c->price_starts, &c->currency_signs, &c->footer_triggers,
                          &c->caption_words, &c->caption_labels, &c->label_good, &c->label_near,
                          &c->label_short, &c->label_code, &c->label_garbage, &features_type,
                          &c->py_first_label, &c->py_is_code,
                          &c->thresholds, &c->good_words, &c->good_stop_ratio, &c->near_words,
                          &c->prose_words, &c->cached_chars, &c->cache_lines, &wide, &end_punct,
                          &closers, &nospace, &bad_chars, &c->chars_per_word))
        return -1;
    if (table_len != 256) {
        PyErr_SetString(PyExc_ValueError, "_speedups: the word table must have 256 bytes");
        return -1;
    }
    if (!PyType_Check(features_type) ||
        !PyType_IsSubtype((PyTypeObject *)features_type, &PyTuple_Type)) {
        PyErr_SetString(PyExc_TypeError, "_speedups: the features type must be a tuple type");
        return -1;
    }
    if (!PyAnySet_Check(c->footer_triggers) || !PyAnySet_Check(c->caption_words) ||
        !PyAnySet_Check(c->caption_labels)) {
        PyErr_SetString(PyExc_TypeError, "_speedups: word sets must be sets");
        return -1;
    }
    if (!PyDict_Check(c->word_roles) || n_roles != ROLE_COUNT) {
        PyErr_SetString(PyExc_ValueError, "_speedups: the word roles must be a dict of the roles here");
        return -1;
    }
    if (!str_tuple(c->gallery_starts) || !str_tuple(c->price_starts)) {
        PyErr_SetString(PyExc_TypeError, "_speedups: line starts must be tuples of str");
        return -1;
    }
    c->word_table = (const unsigned char *)table;
    c->features_type = (PyTypeObject *)features_type;
    if (read_chars(wide, c->wide, MAX_WIDE, &c->n_wide, "wide punctuation") < 0 ||
        read_chars(end_punct, c->end_punct, MAX_MARKS, &c->n_end_punct, "end punctuation") < 0 ||
        read_chars(closers, c->closers, MAX_MARKS, &c->n_closers, "closer") < 0 ||
        read_chars(nospace, c->nospace, MAX_MARKS, &c->n_nospace, "nospace range") < 0 ||
        read_chars(bad_chars, c->bad_chars, MAX_MARKS, &c->n_bad_chars, "bad character range") < 0)
        return -1;
    if (c->n_nospace % 2 || c->n_bad_chars % 2) {
        PyErr_SetString(PyExc_ValueError, "_speedups: character ranges come in pairs");
        return -1;
    }
    return 0;
}

static inline int
in_chars(Py_UCS4 ch, const Py_UCS4 *set, Py_ssize_t n)
{
    for (Py_ssize_t i = 0; i < n; i++)
        if (set[i] == ch)
            return 1;
    return 0;
}

/* text ends with "..." */
static int
ends_with_dots(PyObject *text, Py_ssize_t len)
{
    if (len < 3)
        return 0;
    return PyUnicode_READ_CHAR(text, len - 1) == '.' && PyUnicode_READ_CHAR(text, len - 2) == '.' &&
           PyUnicode_READ_CHAR(text, len - 3) == '.';
}

/* features._ends_in_punct: sentence punctuation at the end, perhaps inside quotes. */
static int
ends_in_punct(const Context *c, PyObject *text, Py_ssize_t len)
{
    Py_UCS4 last = PyUnicode_READ_CHAR(text, len - 1);
    if (in_chars(last, c->end_punct, c->n_end_punct))
        return last != '.' || !ends_with_dots(text, len);
    if (!in_chars(last, c->closers, c->n_closers))
        return 0;
    Py_ssize_t core = len; /* text.rstrip(closers) */
    while (core > 0 && in_chars(PyUnicode_READ_CHAR(text, core - 1), c->closers, c->n_closers))
        core--;
    if (core == 0)
        return 0;
    return in_chars(PyUnicode_READ_CHAR(text, core - 1), c->end_punct, c->n_end_punct) &&
           !ends_with_dots(text, core);
}

/* A new LineFeatures of the ten fields (features.LineFeatures), out of the garbage
 * collector's watch with its tokens; it takes over the references to tokens and key (and
 * releases them when it fails). NULL with an exception set on error. */
/* Float objects made once and shared by every line's features (floats are immutable): the
 * whole numbers of words a short line has, and the stop-word shares k/n of lines of few
 * tokens. Each is the value PyFloat_FromDouble would give. */
#define SHARED_COUNTS 64
#define SHARED_RATIO_TOKENS 16
static PyObject *count_floats[SHARED_COUNTS];
static PyObject *ratio_floats[(SHARED_RATIO_TOKENS - 1) * (SHARED_RATIO_TOKENS + 2) / 2 + SHARED_RATIO_TOKENS + 1];

static inline Py_ssize_t
ratio_index(Py_ssize_t stops, Py_ssize_t tokens)
{
    return (tokens - 1) * (tokens + 2) / 2 + stops; /* rows n = 1, 2...: n + 1 shares each */
}

static int
make_shared_floats(void)
{
    for (Py_ssize_t i = 0; i < SHARED_COUNTS; i++)
        if ((count_floats[i] = PyFloat_FromDouble((double)i)) == NULL)
            return -1;
    for (Py_ssize_t n = 1; n <= SHARED_RATIO_TOKENS; n++)
        for (Py_ssize_t k = 0; k <= n; k++)
            if ((ratio_floats[ratio_index(k, n)] = PyFloat_FromDouble((double)k / (double)n)) == NULL)
                return -1;
    return 0;
}

/* A float of value v (a shared one for a whole number of words below SHARED_COUNTS) */
static PyObject *
words_float(double v)
{
    if (v >= 0.0 && v < SHARED_COUNTS && v == (double)(Py_ssize_t)v)
        return Py_NewRef(count_floats[(Py_ssize_t)v]);
    return PyFloat_FromDouble(v);
}

/* The float stops / tokens (shared for lines of few tokens); ratio is its value */
static PyObject *
ratio_float(Py_ssize_t stops, Py_ssize_t tokens, double ratio)
{
    if (tokens >= 1 && tokens <= SHARED_RATIO_TOKENS && stops >= 0 && stops <= tokens)
        return Py_NewRef(ratio_floats[ratio_index(stops, tokens)]);
    return PyFloat_FromDouble(ratio);
}

static PyObject *
new_features(const Context *c, PyObject *text, PyObject *tokens, PyObject *n_words, PyObject *ratio,
             int end_punct, int has_digit, int garbage, int nospace, PyObject *key, int latin1)
{
    /* (takes the references to tokens, n_words, ratio and key, NULL ones too) */
    PyObject *feat = n_words && ratio ? c->features_type->tp_alloc(c->features_type, 10) : NULL;
    if (feat == NULL) {
        Py_XDECREF(n_words);
        Py_XDECREF(ratio);
        Py_DECREF(tokens);
        Py_DECREF(key);
        return NULL;
    }
    Py_INCREF(text);
    PyTuple_SET_ITEM(feat, 0, text);
    PyTuple_SET_ITEM(feat, 1, tokens);
    PyTuple_SET_ITEM(feat, 2, n_words);
    PyTuple_SET_ITEM(feat, 3, ratio);
    PyTuple_SET_ITEM(feat, 4, PyBool_FromLong(end_punct));
    PyTuple_SET_ITEM(feat, 5, PyBool_FromLong(has_digit));
    PyTuple_SET_ITEM(feat, 6, PyBool_FromLong(garbage));
    PyTuple_SET_ITEM(feat, 7, PyBool_FromLong(nospace));
    PyTuple_SET_ITEM(feat, 8, key);
    PyTuple_SET_ITEM(feat, 9, PyBool_FromLong(latin1));
    untrack(tokens);
    untrack(feat);
    return feat;
}

/*
 * features.line_features for a line whose first SAMPLE_CHARS characters are all Latin-1
 * or wide punctuation. Returns a new LineFeatures, NULL with an exception set on error,
 * or NULL without one when the line is not such a line (the caller asks Python).
 */
static PyObject *
latin1_features(const Context *c, PyObject *text, const StopTable *stops)
{
    Py_ssize_t len = PyUnicode_GET_LENGTH(text);
    Py_ssize_t size = len > SAMPLE_CHARS ? SAMPLE_CHARS : len;
    int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    unsigned char word_bytes[SAMPLE_CHARS];
    const unsigned char *table = c->word_table;

    if (kind == PyUnicode_1BYTE_KIND) {
        const Py_UCS1 *chars = (const Py_UCS1 *)data;
        for (Py_ssize_t i = 0; i < size; i++)
            word_bytes[i] = table[chars[i]];
    }
    else {
        for (Py_ssize_t i = 0; i < size; i++) {
            Py_UCS4 ch = PyUnicode_READ(kind, data, i);
            if (ch <= 0xFF)
                word_bytes[i] = table[ch];
            else if (in_chars(ch, c->wide, c->n_wide))
                word_bytes[i] = 32;
            else
                return NULL;
        }
    }

    /* tokens: runs of bytes other than 32 and 28 (str.split of the decoded bytes), in one
     * pass with each token's FNV-1a hash (the stop table's), whether it goes beyond ASCII,
     * and whether a digit is among the first DIGIT_CHARS bytes */
    short starts[SAMPLE_CHARS / 2 + 1], lengths[SAMPLE_CHARS / 2 + 1];
    uint32_t hashes[SAMPLE_CHARS / 2 + 1];
    unsigned char highs[SAMPLE_CHARS / 2 + 1];
    Py_ssize_t n_tokens = 0, word_chars = 0, controls = 0, longest = 0;
    Py_ssize_t digit_end = size < DIGIT_CHARS ? size : DIGIT_CHARS;
    int has_digit = 0;
    for (Py_ssize_t i = 0; i < size;) {
        unsigned char b = word_bytes[i];
        if (b == 32 || b == 28) {
            controls += b == 28;
            i++;
            continue;
        }
        Py_ssize_t start = i;
        uint32_t h = FNV_OFFSET;
        unsigned char high = 0;
        for (; i < size && (b = word_bytes[i]) != 32 && b != 28; i++) {
            h = (h ^ b) * FNV_PRIME;
            high |= b;
            has_digit |= b >= '0' && b <= '9' && i < digit_end;
        }
        starts[n_tokens] = (short)start;
        lengths[n_tokens] = (short)(i - start);
        hashes[n_tokens] = h;
        highs[n_tokens] = high;
        n_tokens++;
        word_chars += i - start;
        if (i - start > longest)
            longest = i - start;
    }

    PyObject *tokens = PyTuple_New(n_tokens);
    if (tokens == NULL)
        return NULL;
    Py_ssize_t stop_count = 0;
    unsigned char key_bytes[SAMPLE_CHARS], key_high = 0;
    Py_ssize_t key_len = 0;
    for (Py_ssize_t t = 0; t < n_tokens; t++) {
        const unsigned char *bytes = word_bytes + starts[t];
        PyObject *token = stop_word(stops, hashes[t], bytes, lengths[t]);
        if (token != NULL) {
            Py_INCREF(token); /* the stop word's own str */
            stop_count++;
        }
        else {
            token = latin1_str(bytes, lengths[t], highs[t] >= 0x80);
            if (token == NULL) {
                Py_DECREF(tokens);
                return NULL;
            }
        }
        PyTuple_SET_ITEM(tokens, t, token);
        if (n_tokens <= KEYED_WORDS) {
            memcpy(key_bytes + key_len, bytes, (size_t)lengths[t]);
            key_len += lengths[t];
            key_high |= highs[t];
        }
    }

    /* a line of one token: its key is that token */
    PyObject *key = n_tokens == 1 ? Py_NewRef(PyTuple_GET_ITEM(tokens, 0))
                                  : latin1_str(key_bytes, key_len, key_high >= 0x80);
    if (key == NULL) {
        Py_DECREF(tokens);
        return NULL;
    }
    int garbage = 0;
    if (size >= 20)
        garbage = word_chars * 2 < size || (size > LONGEST_WORD && longest > LONGEST_WORD) ||
                  (controls > 0 && (double)controls > (double)size * 0.05);
    int end_punct = ends_in_punct(c, text, len);
    double scale = len > SAMPLE_CHARS ? (double)len / (double)SAMPLE_CHARS : 1.0;
    double stop_ratio = n_tokens ? (double)stop_count / (double)n_tokens : 0.0;

    return new_features(c, text, tokens, words_float((double)n_tokens * scale),
                        scale == 1.0 ? ratio_float(stop_count, n_tokens, stop_ratio)
                                     : PyFloat_FromDouble(stop_ratio),
                        end_punct, has_digit,
                        garbage, 0, key, 1);
}

/* frozenset.isdisjoint(words): 1 disjoint, 0 not, -1 error */
static int
disjoint(PyObject *set, PyObject *words)
{
    Py_ssize_t n = PyTuple_GET_SIZE(words);
    for (Py_ssize_t i = 0; i < n; i++) {
        int found = PySet_Contains(set, PyTuple_GET_ITEM(words, i));
        if (found != 0)
            return found < 0 ? -1 : 0;
    }
    return 1;
}

/* `ch in text` */
static inline int
has_char(PyObject *text, Py_UCS4 ch)
{
    return PyUnicode_FindChar(text, ch, 0, PyUnicode_GET_LENGTH(text), 1) >= 0;
}

/* 1 when text holds " | " */
static int
has_bar(PyObject *text)
{
    Py_ssize_t len = PyUnicode_GET_LENGTH(text);
    for (Py_ssize_t i = PyUnicode_FindChar(text, '|', 1, len - 1, 1); i >= 0;
         i = PyUnicode_FindChar(text, '|', i + 1, len - 1, 1))
        if (PyUnicode_READ_CHAR(text, i - 1) == ' ' && PyUnicode_READ_CHAR(text, i + 1) == ' ')
            return 1;
    return 0;
}

/* The roles of each of the (at most ROLE_WORDS) words: 0, or -1 with an error set. */
static int
word_roles(const Context *c, PyObject *words, uint32_t *roles)
{
    for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(words); i++) {
        PyObject *bits = PyDict_GetItemWithError(c->word_roles, PyTuple_GET_ITEM(words, i));
        if (bits == NULL) {
            if (PyErr_Occurred())
                return -1;
            roles[i] = 0;
            continue;
        }
        unsigned long mask = PyLong_AsUnsignedLong(bits);
        if (mask == (unsigned long)-1 && PyErr_Occurred())
            return -1;
        roles[i] = (uint32_t)mask;
    }
    return 0;
}

/* classify._may_be_boilerplate of n > 0 words with these roles */
static int
may_be_boilerplate(const Context *c, PyObject *text, const uint32_t *roles, Py_ssize_t n)
{
    uint32_t first = roles[0], last = roles[n - 1], any = 0, every = ~0u;
    for (Py_ssize_t i = 0; i < n; i++) {
        any |= roles[i];
        every &= roles[i];
    }
    if (HAS(first, ROLE_MEDIA_START) ||
        (HAS(first, ROLE_LINK_LABEL_START) && (has_char(text, ':') || has_bar(text))) ||
        (HAS(first, ROLE_HEADING_START) && HAS(last, ROLE_HEADING_END)) ||
        (n <= c->nav_line_words && HAS(every, ROLE_NAV)) ||
        (n <= c->short_line_words && HAS(every, ROLE_SOCIAL)) || HAS(last, ROLE_LAST_TRIGGER) ||
        HAS(any, ROLE_ANY_TRIGGER))
        return 1;
    if (n > c->short_line_words)
        return 0;
    if (HAS(any, ROLE_AGENCY))
        return 1;
    for (Py_ssize_t i = 0; i < n; i++) /* classify._may_hold_phrase */
        if (HAS(roles[i], ROLE_PHRASE_START) &&
            (HAS(roles[i], ROLE_PHRASE_SINGLE) || (i + 1 < n && HAS(roles[i + 1], ROLE_PHRASE_SECOND))))
            return 1;
    return 0;
}

/* A token's characters: all letters (str.isalpha), all decimal digits (str.isdecimal),
 * or anything else (empty too) */
enum { TOKEN_MIXED, TOKEN_LETTERS, TOKEN_DIGITS };

static int
token_class(PyObject *s)
{
    int kind = PyUnicode_KIND(s);
    const void *data = PyUnicode_DATA(s);
    Py_ssize_t n = PyUnicode_GET_LENGTH(s);
    int letters = n > 0, digits = n > 0;
    for (Py_ssize_t i = 0; i < n && (letters || digits); i++) {
        Py_UCS4 ch = PyUnicode_READ(kind, data, i);
        letters = letters && Py_UNICODE_ISALPHA(ch);
        digits = digits && Py_UNICODE_ISDECIMAL(ch);
    }
    return letters ? TOKEN_LETTERS : digits ? TOKEN_DIGITS : TOKEN_MIXED;
}

/* text.lower().startswith(starts) for a line whose lower-casing keeps its length (Latin-1) */
static int
lower_starts_with(PyObject *text, PyObject *starts)
{
    int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    Py_ssize_t len = PyUnicode_GET_LENGTH(text);
    for (Py_ssize_t s = 0; s < PyTuple_GET_SIZE(starts); s++) {
        PyObject *start = PyTuple_GET_ITEM(starts, s);
        Py_ssize_t n = PyUnicode_GET_LENGTH(start);
        if (n > len)
            continue;
        Py_ssize_t i = 0;
        while (i < n && Py_UNICODE_TOLOWER(PyUnicode_READ(kind, data, i)) == PyUnicode_READ_CHAR(start, i))
            i++;
        if (i == n)
            return 1;
    }
    return 0;
}

/* features.stamp_ruled_out of a Latin-1 line and its words with these roles */
static int
stamp_ruled_out(PyObject *text, PyObject *words, const uint32_t *roles)
{
    Py_ssize_t n = PyTuple_GET_SIZE(words);
    /* _lacks_date_and_time: no ":" (a time), fewer than two of "./-" (a numeric date),
     * no month name */
    if (!has_char(text, ':') && !has_char(text, 0x5E74 /* 年 */)) {
        int kind = PyUnicode_KIND(text);
        const void *data = PyUnicode_DATA(text);
        Py_ssize_t marks = 0;
        for (Py_ssize_t i = 0; i < PyUnicode_GET_LENGTH(text); i++) {
            Py_UCS4 ch = PyUnicode_READ(kind, data, i);
            marks += ch == '.' || ch == '/' || ch == '-';
        }
        uint32_t any = 0;
        for (Py_ssize_t i = 0; i < n; i++)
            any |= roles[i];
        if (marks < 2 && !HAS(any, ROLE_MONTH_WORD))
            return 1;
    }
    /* _words_rule_out_stamp: two tokens no stamp pattern removes, none a signing word,
     * every token letters alone or digits alone, one part */
    Py_ssize_t loose = 0;
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *word = PyTuple_GET_ITEM(words, i);
        int chars = token_class(word);
        if (chars == TOKEN_LETTERS) {
            if (HAS(roles[i], ROLE_SIGNING_WORD))
                return 0;
            loose += PyUnicode_GET_LENGTH(word) > 1 && !HAS(roles[i], ROLE_STAMP_REMOVABLE);
        }
        else if (chars == TOKEN_MIXED)
            return 0;
    }
    return loose > 1 && !has_char(text, '|') && !has_char(text, 0x2022 /* • */) &&
           !has_char(text, 0xB7 /* · */);
}

/* classify._digit_checks_may_match of a Latin-1 line and its n > 0 words with these roles */
static int
digit_checks_may_match(const Context *c, PyObject *text, PyObject *words, const uint32_t *roles)
{
    Py_ssize_t n = PyTuple_GET_SIZE(words), len = PyUnicode_GET_LENGTH(text);
    uint32_t any = 0;
    for (Py_ssize_t i = 0; i < n; i++)
        any |= roles[i];
    if (n <= c->digit_rule_words) {
        int mixed = 0;
        for (Py_ssize_t i = 0; i < n && !mixed; i++)
            mixed = token_class(PyTuple_GET_ITEM(words, i)) == TOKEN_MIXED;
        Py_UCS4 first = PyUnicode_READ_CHAR(text, 0), last = PyUnicode_READ_CHAR(text, len - 1);
        int digit_first = Py_UNICODE_ISDECIMAL(first);
        if (Py_UNICODE_ISDIGIT(last) && (digit_first || lower_starts_with(text, c->gallery_starts)) &&
            (mixed || has_char(text, '/') || has_char(text, ':') || HAS(any, ROLE_GALLERY_WORD)))
            return 1;
        if (HAS(any, ROLE_READING_WORD) || lower_starts_with(text, c->price_starts))
            return 1;
        if (digit_first) {
            if (mixed || HAS(any, ROLE_CURRENCY_WORD))
                return 1;
            for (Py_ssize_t i = 0; i < PyUnicode_GET_LENGTH(c->currency_signs); i++)
                if (has_char(text, PyUnicode_READ_CHAR(c->currency_signs, i)))
                    return 1;
        }
    }
    if (HAS(any, ROLE_FILE_TYPE))
        return 1;
    return len <= c->stamp_chars && !stamp_ruled_out(text, words, roles);
}

/* classify._needs_boilerplate_checks: 1, 0 or -1; the words' roles in roles (when 0) */
static int
needs_boilerplate_checks(const Context *c, PyObject *text, PyObject *words, int has_digit,
                         int nospace, int latin1, uint32_t *roles)
{
    Py_ssize_t len = PyUnicode_GET_LENGTH(text), n = PyTuple_GET_SIZE(words);
    if (n == 0 || n > ROLE_WORDS || nospace || PyUnicode_READ_CHAR(text, len - 1) == '*' ||
        has_char(text, 0xA9 /* © */))
        return 1;
    if (word_roles(c, words, roles) < 0)
        return -1;
    if (may_be_boilerplate(c, text, roles, n))
        return 1;
    if (!has_digit)
        return 0;
    return latin1 ? digit_checks_may_match(c, text, words, roles) : 1;
}

/* text.startswith(prefix) for an ASCII prefix */
static int
starts_with_ascii(PyObject *text, const char *prefix)
{
    Py_ssize_t n = (Py_ssize_t)strlen(prefix);
    if (PyUnicode_GET_LENGTH(text) < n)
        return 0;
    for (Py_ssize_t i = 0; i < n; i++)
        if (PyUnicode_READ_CHAR(text, i) != (Py_UCS4)(unsigned char)prefix[i])
            return 0;
    return 1;
}

static PyObject *
return_label(PyObject *label)
{
    Py_INCREF(label);
    return label;
}

/* classify.first_label with the Python function as the authority on every line a rule
 * of vocabulary or pattern could match. Returns a new (kind, reason) tuple or NULL. */
static PyObject *
first_label(const Context *c, PyObject *feat)
{
    if (!PyTuple_Check(feat) || PyTuple_GET_SIZE(feat) < 10) {
        PyErr_SetString(PyExc_TypeError, "_speedups: line features must be a 10-tuple");
        return NULL;
    }
    PyObject *text = PyTuple_GET_ITEM(feat, 0);
    PyObject *low_words = PyTuple_GET_ITEM(feat, 1);
    double words = PyFloat_AsDouble(PyTuple_GET_ITEM(feat, 2));
    double stop_ratio = PyFloat_AsDouble(PyTuple_GET_ITEM(feat, 3));
    if (PyErr_Occurred())
        return NULL;
    int end_punct = PyObject_IsTrue(PyTuple_GET_ITEM(feat, 4));
    int has_digit = PyObject_IsTrue(PyTuple_GET_ITEM(feat, 5));
    int garbage = PyObject_IsTrue(PyTuple_GET_ITEM(feat, 6));
    int nospace = PyObject_IsTrue(PyTuple_GET_ITEM(feat, 7));
    PyObject *key = PyTuple_GET_ITEM(feat, 8);
    int latin1 = PyObject_IsTrue(PyTuple_GET_ITEM(feat, 9));
    if (end_punct < 0 || has_digit < 0 || garbage < 0 || nospace < 0 || latin1 < 0)
        return NULL;
    if (!PyUnicode_Check(text) || !PyTuple_Check(low_words) || !PyUnicode_Check(key)) {
        PyErr_SetString(PyExc_TypeError, "_speedups: unexpected line feature types");
        return NULL;
    }
    Py_ssize_t len = PyUnicode_GET_LENGTH(text);
    int needs = -1; /* the trigger test's answer, once known (Python's first label takes it) */
    if (len == 0)
        goto ask_python;

    if (garbage)
        return return_label(c->label_garbage);
    Py_UCS4 last = PyUnicode_READ_CHAR(text, len - 1);
    uint32_t roles[ROLE_WORDS] = {0};
    int short_line = words <= 14;
    if (short_line) {
        /* most short lines hold nothing a boilerplate check starts from */
        needs = needs_boilerplate_checks(c, text, low_words, has_digit, nospace, latin1, roles);
        if (needs < 0)
            return NULL;
        if (needs)
            goto ask_python;
    }
    else if (words <= 40 && !end_punct) {
        if (nospace || has_char(text, 0xA9 /* © */))
            goto ask_python;
        int none = disjoint(c->footer_triggers, low_words);
        if (none <= 0) {
            if (none < 0)
                return NULL;
            goto ask_python;
        }
    }
    Py_ssize_t n_words = PyTuple_GET_SIZE(low_words);
    if (!end_punct || last == ')') {
        if (short_line) { /* (the roles of its words are known) */
            for (Py_ssize_t i = 0; i < n_words; i++)
                if (HAS(roles[i], ROLE_CAPTION_WORD))
                    goto ask_python;
        }
        else {
            int none = disjoint(c->caption_words, low_words);
            if (none <= 0) {
                if (none < 0)
                    return NULL;
                goto ask_python;
            }
        }
    }
    if (has_digit && n_words > 0) {
        int label = short_line ? (int)HAS(roles[0], ROLE_CAPTION_LABEL)
                               : PySet_Contains(c->caption_labels, PyTuple_GET_ITEM(low_words, 0));
        if (label < 0)
            return NULL;
        if (label)
            goto ask_python;
    }
    int sentence = end_punct || words >= c->prose_words || last == ':' || last == ';' || last == ',';
    if (words >= c->good_words && stop_ratio >= c->good_stop_ratio && sentence)
        return return_label(c->label_good);
    if (words >= c->near_words && end_punct && stop_ratio > 0)
        return return_label(c->label_near);
    /* classify._is_code: its first tests here, the rest in Python */
    if (len > CODE_CHARS)
        return return_label(c->label_short);
    Py_UCS4 first = PyUnicode_READ_CHAR(text, 0);
    if (last == '{' || last == '}' || last == ';' || first == '}' || first == ')' || first == ']')
        return return_label(c->label_code);
    Py_ssize_t blanks = 0;
    for (Py_ssize_t i = 0; i < len; i++)
        blanks += PyUnicode_READ_CHAR(text, i) == ' ';
    if (len - blanks == PyUnicode_GET_LENGTH(key))
        return return_label(c->label_short); /* words and blanks only */
    int operators = 0;
    for (Py_ssize_t i = 0; i < len && !operators; i++) {
        Py_UCS4 ch = PyUnicode_READ_CHAR(text, i);
        operators = ch == '=' || ch == '(' || ch == '/' || ch == '&' || ch == '|';
    }
    if (!operators) /* no "=", "(", "/", "&&" or "||": code only after "#include" or "<?php" */
        return return_label(starts_with_ascii(text, "#include") || starts_with_ascii(text, "<?php")
                                ? c->label_code
                                : c->label_short);
    PyObject *code = PyObject_CallOneArg(c->py_is_code, feat);
    if (code == NULL)
        return NULL;
    int is_code = PyObject_IsTrue(code);
    Py_DECREF(code);
    if (is_code < 0)
        return NULL;
    return return_label(is_code ? c->label_code : c->label_short);

ask_python:
    return PyObject_CallFunctionObjArgs(c->py_first_label, feat, c->thresholds,
                                        needs < 0 ? Py_None : needs ? Py_True : Py_False, NULL);
}

static inline int
in_ranges(Py_UCS4 ch, const Py_UCS4 *ranges, Py_ssize_t n)
{
    for (Py_ssize_t i = 0; i + 1 < n; i += 2)
        if (ch >= ranges[i] && ch <= ranges[i + 1])
            return 1;
    return 0;
}

/* features._features_by_regex: the features of a line with characters beyond Latin-1
 * (its tokens are the \w+ runs of the lower-cased sample; \w is what the regex engine
 * takes: alphanumeric or "_"). A new LineFeatures or NULL with an exception set. */
static PyObject *
unicode_features(const Context *c, PyObject *text, PyObject *stops, int per_char)
{
    Py_ssize_t len = PyUnicode_GET_LENGTH(text);
    PyObject *sample, *low = NULL, *tokens = NULL, *key = NULL, *feat = NULL;
    if (len > SAMPLE_CHARS)
        sample = PyUnicode_Substring(text, 0, SAMPLE_CHARS);
    else {
        sample = text;
        Py_INCREF(sample);
    }
    if (sample == NULL)
        return NULL;
    Py_ssize_t size = PyUnicode_GET_LENGTH(sample);
    /* Turkish dotted capital I lower-cases to "i" and a combining dot, which splits words */
    if (has_char(sample, 0x130)) {
        PyObject *plain = PyObject_CallMethod(sample, "replace", "ss", "\xc4\xb0", "i");
        if (plain == NULL)
            goto done;
        low = PyObject_CallMethod(plain, "lower", NULL);
        Py_DECREF(plain);
    }
    else
        low = PyObject_CallMethod(sample, "lower", NULL);
    if (low == NULL)
        goto done;

    Py_ssize_t low_len = PyUnicode_GET_LENGTH(low);
    int kind = PyUnicode_KIND(low);
    const void *data = PyUnicode_DATA(low);
    Py_ssize_t n_tokens = 0;
    for (Py_ssize_t i = 0; i < low_len;) {
        Py_UCS4 ch = PyUnicode_READ(kind, data, i);
        if (!(Py_UNICODE_ISALNUM(ch) || ch == '_')) {
            i++;
            continue;
        }
        while (i < low_len && (Py_UNICODE_ISALNUM(ch = PyUnicode_READ(kind, data, i)) || ch == '_'))
            i++;
        n_tokens++;
    }
    tokens = PyTuple_New(n_tokens);
    if (tokens == NULL)
        goto done;
    Py_ssize_t t = 0, stop_count = 0, ascii_tokens = 0, token_chars = 0, longest = 0;
    for (Py_ssize_t i = 0; i < low_len;) {
        Py_UCS4 ch = PyUnicode_READ(kind, data, i);
        if (!(Py_UNICODE_ISALNUM(ch) || ch == '_')) {
            i++;
            continue;
        }
        Py_ssize_t start = i;
        while (i < low_len && (Py_UNICODE_ISALNUM(ch = PyUnicode_READ(kind, data, i)) || ch == '_'))
            i++;
        PyObject *token = PyUnicode_Substring(low, start, i);
        if (token == NULL)
            goto done;
        PyTuple_SET_ITEM(tokens, t++, token);
        int found = PySet_Contains(stops, token);
        if (found < 0)
            goto done;
        stop_count += found;
        ascii_tokens += PyUnicode_IS_ASCII(token);
        token_chars += i - start;
        if (i - start > longest)
            longest = i - start;
    }
    if (n_tokens <= KEYED_WORDS) {
        PyObject *empty = PyUnicode_New(0, 0);
        if (empty == NULL)
            goto done;
        key = PyUnicode_Join(empty, tokens);
        Py_DECREF(empty);
    }
    else
        key = PyUnicode_New(0, 0);
    if (key == NULL)
        goto done;
    Py_ssize_t key_len = PyUnicode_GET_LENGTH(key);
    int key_alpha = key_len > 0;
    for (Py_ssize_t i = 0; i < key_len && key_alpha; i++)
        key_alpha = Py_UNICODE_ISALPHA(PyUnicode_READ_CHAR(key, i));

    int s_kind = PyUnicode_KIND(sample);
    const void *s_data = PyUnicode_DATA(sample);
    int has_digit = 0;
    if (!key_alpha) {
        Py_ssize_t end = size < DIGIT_CHARS ? size : DIGIT_CHARS;
        for (Py_ssize_t i = 0; i < end && !has_digit; i++)
            has_digit = Py_UNICODE_ISDECIMAL(PyUnicode_READ(s_kind, s_data, i));
    }
    /* (the sample holds at most SAMPLE_CHARS characters: the Python code's 4,000-character
     * bounds take all of it, and a line that comes here is never ASCII) */
    Py_ssize_t nospace = 0, bad = 0;
    for (Py_ssize_t i = 0; i < size; i++) {
        Py_UCS4 ch = PyUnicode_READ(s_kind, s_data, i);
        nospace += in_ranges(ch, c->nospace, c->n_nospace);
        bad += in_ranges(ch, c->bad_chars, c->n_bad_chars);
    }
    double words, stop_ratio;
    if (nospace > size / 3) {
        Py_ssize_t found = 0;
        for (Py_ssize_t i = 0; per_char && i < size; i++) {
            PyObject *one = PyUnicode_FromOrdinal(PyUnicode_READ(s_kind, s_data, i));
            if (one == NULL)
                goto done;
            int hit = PySet_Contains(stops, one);
            Py_DECREF(one);
            if (hit < 0)
                goto done;
            found += hit;
        }
        words = (double)nospace / c->chars_per_word + (double)ascii_tokens;
        stop_ratio = (double)found / (double)(nospace > 1 ? nospace : 1) * c->chars_per_word;
    }
    else {
        words = (double)n_tokens;
        stop_ratio = n_tokens ? (double)stop_count / (double)n_tokens : 0.0;
    }
    if (stop_ratio > 1.0)
        stop_ratio = 1.0;
    int garbage = size >= 20 && ((size > LONGEST_WORD && longest > LONGEST_WORD) ||
                                 token_chars * 2 < size ||
                                 (bad > 0 && (double)bad > (double)(size < 2000 ? size : 2000) * 0.05));
    int end_punct = ends_in_punct(c, text, len);
    double scale = len > SAMPLE_CHARS ? (double)len / (double)SAMPLE_CHARS : 1.0;

    feat = new_features(c, text, tokens, words_float(words * scale), PyFloat_FromDouble(stop_ratio),
                        end_punct, has_digit, garbage,
                        nospace > 0, key, 0);
    tokens = key = NULL; /* new_features took them */

done:
    Py_XDECREF(tokens);
    Py_XDECREF(key);
    Py_XDECREF(low);
    Py_DECREF(sample);
    return feat;
}

/* (features, kind, reason) of one non-empty line; a new reference or NULL. */
static PyObject *
label_line(const Context *c, PyObject *text, PyObject *stops, const StopTable *stop_table,
           PyObject *per_char)
{
    PyObject *feat = latin1_features(c, text, stop_table);
    if (feat == NULL) {
        if (PyErr_Occurred())
            return NULL;
        feat = unicode_features(c, text, stops, per_char == Py_True);
        if (feat == NULL)
            return NULL;
    }
    PyObject *pair = first_label(c, feat);
    if (pair == NULL) {
        Py_DECREF(feat);
        return NULL;
    }
    if (!PyTuple_Check(pair) || PyTuple_GET_SIZE(pair) != 2) {
        PyErr_SetString(PyExc_TypeError, "_speedups: first_label must return a pair");
        Py_DECREF(pair);
        Py_DECREF(feat);
        return NULL;
    }
    PyObject *label = PyTuple_Pack(3, feat, PyTuple_GET_ITEM(pair, 0), PyTuple_GET_ITEM(pair, 1));
    Py_DECREF(pair);
    if (label != NULL)
        untrack(label); /* (the features were untracked where they were made) */
    Py_DECREF(feat);
    return label;
}

PyDoc_STRVAR(label_lines_doc,
             "label_lines(lines, memo, stops, stop_table, per_char, context) -> list\n\n"
             "classify.label_lines_python, compiled: features and first label of each\n"
             "stripped line (None for blank lines), short lines' labels memoised in memo\n"
             "(the language's: line -> label).");

static PyObject *
label_lines(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    (void)module;
    if (nargs != 6) {
        PyErr_SetString(PyExc_TypeError, "label_lines takes 6 arguments");
        return NULL;
    }
    PyObject *lines = args[0], *memo = args[1], *stops = args[2];
    PyObject *per_char = args[4];
    if (!PyList_Check(lines) || !PyDict_Check(memo) || !PyAnySet_Check(stops) || !PyBool_Check(per_char)) {
        PyErr_SetString(PyExc_TypeError,
                        "label_lines(list[str], dict, frozenset, stop table, bool, context)");
        return NULL;
    }
    StopTable stop_table;
    if (parse_stop_table(args[3], &stop_table) < 0)
        return NULL;
    Context c;
    if (parse_context(args[5], &c) < 0)
        return NULL;
    Py_ssize_t n = PyList_GET_SIZE(lines);
    PyObject *out = PyList_New(n);
    if (out == NULL)
        return NULL;
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *text = PyList_GET_ITEM(lines, i);
        if (!PyUnicode_Check(text)) {
            PyErr_SetString(PyExc_TypeError, "label_lines: every line must be a str");
            goto error;
        }
        Py_ssize_t len = PyUnicode_GET_LENGTH(text);
        PyObject *label;
        if (len == 0) {
            label = Py_None;
            Py_INCREF(label);
        }
        else if (len > c.cached_chars) {
            label = label_line(&c, text, stops, &stop_table, per_char);
            if (label == NULL)
                goto error;
        }
        else {
            if (PyDict_GET_SIZE(memo) >= c.cache_lines)
                PyDict_Clear(memo);
            /* one look-up for both a label seen before and a new line's place: None holds
             * the place (the slot is in the CPU cache when the label takes it; a None left
             * by a failure below only means "not labelled yet") */
            label = PyDict_SetDefault(memo, text, Py_None); /* borrowed */
            if (label == NULL)
                goto error;
            if (label != Py_None)
                Py_INCREF(label);
            else {
                label = label_line(&c, text, stops, &stop_table, per_char);
                if (label == NULL || PyDict_SetItem(memo, text, label) < 0) {
                    Py_XDECREF(label);
                    goto error;
                }
            }
        }
        PyList_SET_ITEM(out, i, label);
    }
    return out;

error:
    Py_DECREF(out);
    return NULL;
}

/* The features of a label (feat, kind, reason), borrowed; NULL with a TypeError naming
 * `who` when x is not a label. */
static PyObject *
label_features(PyObject *x, const char *who)
{
    if (!PyTuple_Check(x) || PyTuple_GET_SIZE(x) != 3 || !PyTuple_Check(PyTuple_GET_ITEM(x, 0)) ||
        PyTuple_GET_SIZE(PyTuple_GET_ITEM(x, 0)) < 10 ||
        !PyUnicode_Check(PyTuple_GET_ITEM(PyTuple_GET_ITEM(x, 0), 0))) {
        PyErr_Format(PyExc_TypeError, "%s: a label must be (features, kind, reason)", who);
        return NULL;
    }
    return PyTuple_GET_ITEM(x, 0);
}

PyDoc_STRVAR(context_rows_doc,
             "context_rows(labelled, templated, code, constants) -> tuple\n\n"
             "The loop of decide._context_rows_python, compiled: kinds, reasons, rows,\n"
             "row_words, barriers, read_also, stamps, keys, repeats, toc.");

/* Append a new int to a list; -1 on error. */
static int
append_index(PyObject *list, Py_ssize_t i)
{
    PyObject *n = PyLong_FromSsize_t(i);
    if (n == NULL)
        return -1;
    int rc = PyList_Append(list, n);
    Py_DECREF(n);
    return rc;
}

static PyObject *
context_rows(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    (void)module;
    if (nargs != 4) {
        PyErr_SetString(PyExc_TypeError, "context_rows takes 4 arguments");
        return NULL;
    }
    PyObject *labelled = args[0], *templated = args[1], *code = args[2];
    PyObject *bad, *empty, *stamp, *echo, *site_repeated, *barrier_reasons, *read_also_starts,
        *toc_keys;
    double repeat_max_words, read_also_words, title_words;
    Py_ssize_t echo_distance;
    if (!PyList_Check(labelled) || !PyAnySet_Check(templated) || !PyAnySet_Check(code) ||
        !PyArg_ParseTuple(args[3], "OOOOOOOOdndd", &bad, &empty, &stamp, &echo, &site_repeated,
                          &barrier_reasons, &read_also_starts, &toc_keys, &repeat_max_words,
                          &echo_distance, &read_also_words, &title_words)) {
        if (!PyErr_Occurred())
            PyErr_SetString(PyExc_TypeError, "context_rows(list, set, set, constants)");
        return NULL;
    }
    if (!PyAnySet_Check(barrier_reasons) || !PyAnySet_Check(read_also_starts) ||
        !PyAnySet_Check(toc_keys)) {
        PyErr_SetString(PyExc_TypeError, "context_rows: word and reason sets must be sets");
        return NULL;
    }
    Py_ssize_t n = PyList_GET_SIZE(labelled);
    int has_templated = PySet_GET_SIZE(templated) > 0, has_code = PySet_GET_SIZE(code) > 0;
    int toc = 0;
    PyObject *kinds = PyList_New(n), *reasons = PyList_New(n);
    PyObject *rows = PyList_New(0), *row_words = PyList_New(0), *barriers = PyList_New(0);
    PyObject *read_also = PyList_New(0), *stamps = PyList_New(0), *repeats = PyList_New(0);
    PyObject *keys = PyDict_New(), *first_short = PyDict_New(), *seen_long = PyDict_New();
    PyObject *index = NULL, *result = NULL;
    if (!kinds || !reasons || !rows || !row_words || !barriers || !read_also || !stamps ||
        !repeats || !keys || !first_short || !seen_long)
        goto done;
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *x = PyList_GET_ITEM(labelled, i);
        if (x == Py_None) {
            Py_INCREF(bad);
            PyList_SET_ITEM(kinds, i, bad);
            Py_INCREF(empty);
            PyList_SET_ITEM(reasons, i, empty);
            continue;
        }
        PyObject *feat = label_features(x, "context_rows");
        if (feat == NULL)
            goto done;
        PyObject *kind = PyTuple_GET_ITEM(x, 1), *reason = PyTuple_GET_ITEM(x, 2);
        PyObject *text = PyTuple_GET_ITEM(feat, 0), *words_obj = PyTuple_GET_ITEM(feat, 2);
        PyObject *key = PyTuple_GET_ITEM(feat, 8);
        double words = PyFloat_AsDouble(words_obj);
        if (words == -1.0 && PyErr_Occurred())
            goto done;
        Py_XSETREF(index, PyLong_FromSsize_t(i));
        if (index == NULL)
            goto done;
        int templated_here = 0;
        if (has_templated) {
            templated_here = PySet_Contains(templated, index);
            if (templated_here < 0)
                goto done;
        }
        if (templated_here) {
            kind = bad;
            reason = site_repeated;
        }
        else {
            int in_code = 0;
            if (words <= repeat_max_words && has_code) {
                in_code = PySet_Contains(code, index);
                if (in_code < 0)
                    goto done;
            }
            if (words <= repeat_max_words && !in_code) {
                /* first = first_short.setdefault(text, i) */
                PyObject *first = PyDict_SetDefault(first_short, text, index); /* borrowed */
                if (first == NULL)
                    goto done;
                if (first != index && kind != bad) {
                    PyObject *pair = PyTuple_Pack(2, first, index);
                    if (pair == NULL || PyList_Append(repeats, pair) < 0) {
                        Py_XDECREF(pair);
                        goto done;
                    }
                    Py_DECREF(pair);
                }
            }
            else { /* a paragraph again, far from its last copy */
                PyObject *last = PyDict_GetItemWithError(seen_long, text); /* borrowed */
                if (last == NULL && PyErr_Occurred())
                    goto done;
                if (last != NULL && i - PyLong_AsSsize_t(last) > echo_distance)
                    kind = echo;
                if (PyDict_SetItem(seen_long, text, index) < 0)
                    goto done;
            }
        }
        if (reason != Py_None) {
            int barrier = PySet_Contains(barrier_reasons, reason);
            if (barrier < 0)
                goto done;
            if (barrier) {
                if (append_index(barriers, PyList_GET_SIZE(rows)) < 0)
                    goto done;
            }
            else if (reason == stamp && PyList_Append(stamps, index) < 0)
                goto done;
        }
        if (PyList_Append(rows, index) < 0 || PyList_Append(row_words, words_obj) < 0)
            goto done;
        Py_INCREF(kind);
        PyList_SET_ITEM(kinds, i, kind);
        Py_INCREF(reason);
        PyList_SET_ITEM(reasons, i, reason);
        if (words <= read_also_words) {
            PyObject *low_words = PyTuple_GET_ITEM(feat, 1);
            if (PyTuple_Check(low_words) && PyTuple_GET_SIZE(low_words) > 0) {
                int found = PySet_Contains(read_also_starts, PyTuple_GET_ITEM(low_words, 0));
                if (found < 0 || (found && PyList_Append(read_also, index) < 0))
                    goto done;
            }
            int found = PySet_Contains(toc_keys, key);
            if (found < 0)
                goto done;
            toc |= found;
        }
        if (2 <= words && words <= title_words && PyUnicode_Check(key) && PyUnicode_GET_LENGTH(key) > 0) {
            PyObject *same_key = PyDict_GetItemWithError(keys, key); /* borrowed */
            if (same_key == NULL) {
                if (PyErr_Occurred())
                    goto done;
                PyObject *one = PyList_New(1);
                if (one == NULL)
                    goto done;
                Py_INCREF(index);
                PyList_SET_ITEM(one, 0, index);
                int rc = PyDict_SetItem(keys, key, one);
                Py_DECREF(one);
                if (rc < 0)
                    goto done;
            }
            else if (PyList_Append(same_key, index) < 0)
                goto done;
        }
    }
    result = Py_BuildValue("(OOOOOOOOOO)", kinds, reasons, rows, row_words, barriers, read_also,
                           stamps, keys, repeats, toc ? Py_True : Py_False);
done:
    Py_XDECREF(index);
    Py_XDECREF(kinds);
    Py_XDECREF(reasons);
    Py_XDECREF(rows);
    Py_XDECREF(row_words);
    Py_XDECREF(barriers);
    Py_XDECREF(read_also);
    Py_XDECREF(stamps);
    Py_XDECREF(repeats);
    Py_XDECREF(keys);
    Py_XDECREF(first_short);
    Py_XDECREF(seen_long);
    return result;
}

PyDoc_STRVAR(row_candidates_doc,
             "row_candidates(labelled, code_kind) -> (numbered, code, table)\n\n"
             "decide._row_candidates_python, compiled: the rows that may be numbered list\n"
             "items (a digit first), code lines, and table rows (a tab or \" | \").");

static PyObject *
row_candidates(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    (void)module;
    if (nargs != 2 || !PyList_Check(args[0])) {
        PyErr_SetString(PyExc_TypeError, "row_candidates(list, code_kind)");
        return NULL;
    }
    PyObject *labelled = args[0], *code_kind = args[1];
    PyObject *numbered = PyList_New(0), *code = PyList_New(0), *table = PyList_New(0);
    PyObject *result = NULL;
    if (!numbered || !code || !table)
        goto done;
    Py_ssize_t n = PyList_GET_SIZE(labelled);
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *x = PyList_GET_ITEM(labelled, i);
        if (x == Py_None)
            continue;
        PyObject *feat = label_features(x, "row_candidates");
        if (feat == NULL)
            goto done;
        PyObject *text = PyTuple_GET_ITEM(feat, 0);
        Py_ssize_t len = PyUnicode_GET_LENGTH(text);
        int numbered_row = 0, table_row = 0;
        if (len > 0 && PyTuple_GET_ITEM(feat, 5) == Py_True)
            numbered_row = Py_UNICODE_ISDECIMAL(PyUnicode_READ_CHAR(text, 0));
        if (len > 0)
            table_row = has_char(text, '\t') || has_bar(text);
        int code_row = PyTuple_GET_ITEM(x, 1) == code_kind;
        if (!numbered_row && !table_row && !code_row)
            continue;
        PyObject *index = PyLong_FromSsize_t(i);
        if (index == NULL)
            goto done;
        int rc = (numbered_row && PyList_Append(numbered, index) < 0) ||
                 (code_row && PyList_Append(code, index) < 0) ||
                 (table_row && PyList_Append(table, index) < 0);
        Py_DECREF(index);
        if (rc)
            goto done;
    }
    result = PyTuple_Pack(3, numbered, code, table);
done:
    Py_XDECREF(numbered);
    Py_XDECREF(code);
    Py_XDECREF(table);
    return result;
}

PyDoc_STRVAR(weights_doc,
             "weights(kinds, reasons, words, params) -> list[float]\n\n"
             "decide._weights_python, compiled: classify.line_weight of every non-blank row.");

static PyObject *
weights(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    (void)module;
    PyObject *good, *near_kind, *short_kind, *echo, *code, *barriers;
    double offset, near, short_weight, bad, against;
    if (nargs != 4 || !PyList_Check(args[0]) || !PyList_Check(args[1]) || !PyList_Check(args[2]) ||
        !PyArg_ParseTuple(args[3], "OOOOOOddddd", &good, &near_kind, &short_kind, &echo, &code,
                          &barriers, &offset, &near, &short_weight, &bad, &against)) {
        if (!PyErr_Occurred())
            PyErr_SetString(PyExc_TypeError, "weights(list, list, list, params)");
        return NULL;
    }
    PyObject *kinds = args[0], *reasons = args[1], *words = args[2];
    Py_ssize_t n = PyList_GET_SIZE(kinds);
    if (!PyAnySet_Check(barriers)) {
        PyErr_SetString(PyExc_TypeError, "weights: the barrier reasons must be a set");
        return NULL;
    }
    if (PyList_GET_SIZE(reasons) != n || PyList_GET_SIZE(words) != n) {
        PyErr_SetString(PyExc_ValueError, "weights: kinds, reasons and words of one length");
        return NULL;
    }
    PyObject *out = PyList_New(n);
    if (out == NULL)
        return NULL;
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *kind = PyList_GET_ITEM(kinds, i);
        double w;
        if (kind == good || kind == near_kind) {
            double count = PyFloat_AsDouble(PyList_GET_ITEM(words, i));
            if (count == -1.0 && PyErr_Occurred()) {
                Py_DECREF(out);
                return NULL;
            }
            w = kind == good ? (count - offset >= 1.0 ? count - offset : 1.0) : count * near;
        }
        else if (kind == short_kind || kind == code)
            w = short_weight;
        else if (kind == echo)
            w = 0.0;
        else {
            int barrier = PySet_Contains(barriers, PyList_GET_ITEM(reasons, i));
            if (barrier < 0) {
                Py_DECREF(out);
                return NULL;
            }
            w = barrier ? against : bad;
        }
        PyObject *value = PyFloat_FromDouble(w);
        if (value == NULL) {
            Py_DECREF(out);
            return NULL;
        }
        PyList_SET_ITEM(out, i, value);
    }
    return out;
}

PyDoc_STRVAR(final_reasons_doc,
             "final_reasons(kinds, reasons, runs, outside, inside) -> list\n\n"
             "decide._final_reasons_python, compiled: every line's own reason, or what its\n"
             "kind means outside (outside[kind]) or inside (inside[kind]) the runs.");

static PyObject *
final_reasons(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    (void)module;
    if (nargs != 5 || !PyList_Check(args[0]) || !PyList_Check(args[1]) || !PyList_Check(args[2]) ||
        !PyDict_Check(args[3]) || !PyDict_Check(args[4])) {
        PyErr_SetString(PyExc_TypeError, "final_reasons(list, list, list, dict, dict)");
        return NULL;
    }
    PyObject *kinds = args[0], *reasons = args[1], *runs = args[2];
    Py_ssize_t n = PyList_GET_SIZE(kinds);
    if (PyList_GET_SIZE(reasons) != n) {
        PyErr_SetString(PyExc_ValueError, "final_reasons: kinds and reasons of one length");
        return NULL;
    }
    /* which rows the runs hold (a later run over the same rows decides as an earlier one) */
    char *inside = PyMem_Calloc((size_t)n + 1, 1);
    if (inside == NULL)
        return PyErr_NoMemory();
    for (Py_ssize_t r = 0; r < PyList_GET_SIZE(runs); r++) {
        PyObject *run = PyList_GET_ITEM(runs, r);
        Py_ssize_t start, end;
        if (!PyTuple_Check(run) || !PyArg_ParseTuple(run, "nn", &start, &end)) {
            if (!PyErr_Occurred())
                PyErr_SetString(PyExc_TypeError, "final_reasons: a run is (start, end)");
            PyMem_Free(inside);
            return NULL;
        }
        /* (Python's slice assignment clips the run to the page) */
        if (start < 0)
            start = start + n < 0 ? 0 : start + n;
        if (end < 0)
            end = end + n < 0 ? 0 : end + n;
        if (end > n)
            end = n;
        for (Py_ssize_t i = start; i < end; i++)
            inside[i] = 1;
    }
    PyObject *out = PyList_New(n);
    if (out == NULL) {
        PyMem_Free(inside);
        return NULL;
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *reason = PyList_GET_ITEM(reasons, i);
        int own = reason != Py_None ? PyObject_IsTrue(reason) : 0;
        if (own < 0)
            goto error;
        if (!own) {
            reason = PyDict_GetItemWithError(inside[i] ? args[4] : args[3], PyList_GET_ITEM(kinds, i));
            if (reason == NULL) {
                if (!PyErr_Occurred())
                    PyErr_SetObject(PyExc_KeyError, PyList_GET_ITEM(kinds, i));
                goto error;
            }
        }
        Py_INCREF(reason);
        PyList_SET_ITEM(out, i, reason);
    }
    PyMem_Free(inside);
    return out;
error:
    PyMem_Free(inside);
    Py_DECREF(out);
    return NULL;
}

PyDoc_STRVAR(needs_checks_doc,
             "needs_boilerplate_checks(text, words, has_digit, nospace, latin1, context) -> bool\n\n"
             "classify._needs_boilerplate_checks, compiled (what first_label asks; for tests).");

static PyObject *
needs_checks(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    (void)module;
    if (nargs != 6 || !PyUnicode_Check(args[0]) || PyUnicode_GET_LENGTH(args[0]) == 0 ||
        !PyTuple_Check(args[1]) || !str_tuple(args[1])) {
        PyErr_SetString(PyExc_TypeError,
                        "needs_boilerplate_checks(non-empty str, tuple[str, ...], bool, bool, bool, context)");
        return NULL;
    }
    int flags[3];
    for (int i = 0; i < 3; i++) {
        flags[i] = PyObject_IsTrue(args[2 + i]);
        if (flags[i] < 0)
            return NULL;
    }
    Context c;
    if (parse_context(args[5], &c) < 0)
        return NULL;
    uint32_t roles[ROLE_WORDS];
    int needs = needs_boilerplate_checks(&c, args[0], args[1], flags[0], flags[1], flags[2], roles);
    if (needs < 0)
        return NULL;
    return PyBool_FromLong(needs);
}

static PyMethodDef methods[] = {
    {"needs_boilerplate_checks", (PyCFunction)(void (*)(void))needs_checks, METH_FASTCALL, needs_checks_doc},
    {"label_lines", (PyCFunction)(void (*)(void))label_lines, METH_FASTCALL, label_lines_doc},
    {"context_rows", (PyCFunction)(void (*)(void))context_rows, METH_FASTCALL, context_rows_doc},
    {"row_candidates", (PyCFunction)(void (*)(void))row_candidates, METH_FASTCALL, row_candidates_doc},
    {"weights", (PyCFunction)(void (*)(void))weights, METH_FASTCALL, weights_doc},
    {"final_reasons", (PyCFunction)(void (*)(void))final_reasons, METH_FASTCALL, final_reasons_doc},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module_def = {
    PyModuleDef_HEAD_INIT,
    "thresher.clean._speedups",
    "The line labelling loop of text cleaning, compiled (classify.label_lines_python is the reference).",
    0,
    methods,
    NULL,
    NULL,
    NULL,
    NULL,
};

PyMODINIT_FUNC
PyInit__speedups(void)
{
    if (make_shared_floats() < 0)
        return NULL;
    return PyModule_Create(&module_def);
}
