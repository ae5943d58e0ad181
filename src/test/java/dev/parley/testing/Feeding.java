package dev.parley.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Ways a streamed reply can arrive; a stream stage must give the same result for each. */
public enum Feeding {
    WHOLE {
        @Override
        public List<String> pieces(String text) {
            return List.of(text);
        }
    },
    CHAR_BY_CHAR {
        @Override
        public List<String> pieces(String text) {
            List<String> pieces = new ArrayList<>();
            for (int i = 0; i < text.length(); i++) {
                pieces.add(String.valueOf(text.charAt(i)));
            }
            return pieces;
        }
    },
    /** Pieces of 1 to 8 characters, cut where a seed fixed per text says, so failures repeat. */
    RANDOM_SPLITS {
        @Override
        public List<String> pieces(String text) {
            Random random = new Random(0x5EED ^ text.hashCode());
            List<String> pieces = new ArrayList<>();
            int at = 0;
            while (at < text.length()) {
                int end = Math.min(text.length(), at + 1 + random.nextInt(8));
                pieces.add(text.substring(at, end));
                at = end;
            }
            return pieces;
        }
    };

    public abstract List<String> pieces(String text);
}
