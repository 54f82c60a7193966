package io.vdibot.rhev.simulator.conformance;

/**
 * One element a model type may contain.
 *
 * @param elementName the element's XML name, e.g. {@code reported_devices}
 * @param typeName    the model type of the value (of each item, for a list), e.g. {@code ReportedDevice}
 * @param list        whether the element wraps a list of values
 * @param itemTag     for a list, the name of each item element: the item type's tag for objects
 *                    ({@code <nics><nic/></nics>}), the singular of the member for scalars
 *                    ({@code <usages><usage/></usages>}); {@code null} otherwise
 */
record ModelMember(String elementName, String typeName, boolean list, String itemTag) {

    static ModelMember single(String elementName, String typeName) {
        return new ModelMember(elementName, typeName, false, null);
    }

    static ModelMember list(String elementName, String typeName, String itemTag) {
        return new ModelMember(elementName, typeName, true, itemTag);
    }
}
