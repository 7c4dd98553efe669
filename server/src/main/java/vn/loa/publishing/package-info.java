/**
 * Publishing: the channels a message reaches people through (the public portal and its RSS feed, e-mail, webhooks,
 * SMS, Zalo Official Account and Facebook Page behind one adapter interface with a local simulator, village
 * loudspeaker stations and electronic billboards per commune), a transactional outbox of deliveries that loses
 * nothing and sends nothing twice when a channel is down, the delivery log per publication and recipient, broadcast
 * packages for the provincial source-information system and the communes' confirmations of each broadcast, and the
 * reach of a campaign per commune. It knows nothing of campaigns: a publication names its source by an opaque
 * reference, which its pages name through a {@link vn.loa.publishing.SourceLookup} the caller implements.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Publishing",
        allowedDependencies = {"calendar", "identity", "audit", "platform", "shared"})
package vn.loa.publishing;
