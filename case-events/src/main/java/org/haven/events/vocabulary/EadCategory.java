package org.haven.events.vocabulary;

/** I-765 categories Haven tracks: (c)(8) pending asylum, (c)(11) parolee, (a)(3) refugee, (a)(5) asylee, (a)(12) TPS, (c)(19) TPS pending. */
public enum EadCategory {
    c8, c11, a3, a5, a12, c19
}
