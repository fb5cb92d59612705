package dev.portcullis.core.engine;

import java.util.List;

/**
 * The engine's judgement of one address ("attacker" or "suspicious"; benign ones are not listed).
 *
 * @param attacks ids of the detections it took part in
 * @param why     the evidence in words
 */
public record SourceVerdict(String ip, String verdict, long attempts, long failures, int accounts,
                            List<String> attacks, String why) {
}
