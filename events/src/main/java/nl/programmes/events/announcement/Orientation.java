package nl.programmes.events.announcement;

/** mbo (vocational), hbo (universities of applied sciences) or wo (research universities). */
public enum Orientation {
    MBO, HBO, WO
}
