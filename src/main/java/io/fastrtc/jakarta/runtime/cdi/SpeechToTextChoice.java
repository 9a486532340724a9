package io.fastrtc.jakarta.runtime.cdi;

import io.fastrtc.jakarta.api.RealtimeStream;
import io.fastrtc.jakarta.api.speech.SpeechEngine;
import io.fastrtc.jakarta.api.speech.SpeechEngineCheck;
import io.fastrtc.jakarta.api.speech.SpeechToText;
import io.fastrtc.jakarta.runtime.config.ConfigKey;
import io.fastrtc.jakarta.runtime.config.Settings;
import io.fastrtc.jakarta.runtime.stream.StreamDefinition;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Default;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.AfterBeanDiscovery;
import jakarta.enterprise.inject.spi.AfterDeploymentValidation;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.DeploymentException;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.InjectionPoint;
import jakarta.enterprise.inject.spi.ProcessBean;
import jakarta.enterprise.inject.spi.ProcessInjectionPoint;
import jakarta.enterprise.inject.spi.ProcessSyntheticBean;
import jakarta.inject.Provider;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * Chooses the unqualified {@link SpeechToText} by {@code fastrtc.speech.stt}, as {@code
 * fastrtc.speech.tts} chooses the {@code TextToSpeech}: a CDI portable extension that adds an
 * {@code @ApplicationScoped} bean delegating to the engine bean {@code @SpeechEngine(name)} (Vosk:
 * {@code handlers.speech.vosk}), unless the key says {@code none} or the application declares a
 * {@code SpeechToText} bean of its own (a plain bean or an {@code @Alternative}), which then wins.
 *
 * <p>When the deployment has been validated it fails it ({@link DeploymentException}) if a deployed
 * bean uses speech-to-text (a stream switched on by configuration, or any other bean that injects
 * it) and the chosen engine's {@link SpeechEngineCheck} reports a problem (Vosk: the model folder
 * missing or unreadable), or the key says {@code none} while a bean needs one. An application that
 * uses no speech-to-text deploys with no model.
 */
public class SpeechToTextChoice implements Extension {
  private static final Logger LOG = Logger.getLogger(SpeechToTextChoice.class.getName());

  private final SpeechToTextUsers users = new SpeechToTextUsers();
  private final SpeechEngines engines = new SpeechEngines();
  private volatile boolean applicationHasOne;
  private volatile String choice;

  void noticeOwnBean(@Observes ProcessBean<?> event) {
    if (event instanceof ProcessSyntheticBean<?> synthetic && synthetic.getSource() == this) {
      return;
    }
    Bean<?> bean = event.getBean();
    engineName(bean).ifPresent(name -> engines.record(name, bean));
    if (bean.getTypes().contains(SpeechToText.class)
        && bean.getQualifiers().contains(Default.Literal.INSTANCE)) {
      applicationHasOne = true;
      LOG.fine(() -> "The application's SpeechToText: " + bean);
    }
  }

  void noticeUse(@Observes ProcessInjectionPoint<?, ?> event) {
    InjectionPoint point = event.getInjectionPoint();
    Optional<Boolean> optional = use(point.getType());
    if (optional.isEmpty() || !isDefault(point)) {
      return;
    }
    Class<?> owner =
        point.getBean() != null
            ? point.getBean().getBeanClass()
            : point.getMember().getDeclaringClass();
    users.add(owner, optional.get());
  }

  void addDefault(@Observes AfterBeanDiscovery event, BeanManager beans) {
    // MicroProfile Config may be unavailable while CDI discovers the beans: Settings then reads
    // system properties.
    String name;
    try {
      name = Settings.fromConfig().speechStt();
    } catch (IllegalArgumentException e) {
      event.addDefinitionError(e);
      return;
    }
    choice = name;
    if (applicationHasOne || "none".equals(name)) {
      return;
    }
    event
        .<SpeechToText>addBean()
        .beanClass(SpeechToTextChoice.class)
        .types(SpeechToText.class, Object.class)
        .qualifiers(Default.Literal.INSTANCE, Any.Literal.INSTANCE)
        .scope(ApplicationScoped.class)
        .produceWith(instance -> engine(beans, name));
  }

  void checkUsers(@Observes AfterDeploymentValidation event, BeanManager beans) {
    String name = choice;
    if (name == null || applicationHasOne) {
      return;
    }
    Set<Class<?>> streams =
        beans.getExtension(StreamDiscovery.class).definitions().stream()
            .map(StreamDefinition::handlerClass)
            .collect(Collectors.toSet());
    for (String problem :
        users.problems(
            name,
            c -> !c.isAnnotationPresent(RealtimeStream.class) || streams.contains(c),
            () -> engines.problem(beans, name))) {
      event.addDeploymentProblem(new DeploymentException(problem));
    }
  }

  private SpeechToText engine(BeanManager beans, String name) {
    SpeechToText engine =
        engines
            .engine(beans, name)
            .orElseThrow(() -> new IllegalStateException(SpeechEngines.missing(name)));
    LOG.info(() -> "Speech-to-text: " + name + " (" + ConfigKey.SPEECH_STT.name() + ")");
    return engine;
  }

  /** The {@code @SpeechEngine} name of an engine's bean or its check's, if it is one. */
  private static Optional<String> engineName(Bean<?> bean) {
    if (!bean.getTypes().contains(SpeechToText.class)
        && !bean.getTypes().contains(SpeechEngineCheck.class)) {
      return Optional.empty();
    }
    return bean.getQualifiers().stream()
        .filter(SpeechEngine.class::isInstance)
        .map(q -> ((SpeechEngine) q).value())
        .findFirst();
  }

  /** Empty unless {@code type} is SpeechToText (false) or an Instance or Provider of it (true). */
  static Optional<Boolean> use(Type type) {
    if (type == SpeechToText.class) {
      return Optional.of(false);
    }
    if (type instanceof ParameterizedType p
        && (p.getRawType() == Instance.class || p.getRawType() == Provider.class)
        && p.getActualTypeArguments()[0] == SpeechToText.class) {
      return Optional.of(true);
    }
    return Optional.empty();
  }

  private static boolean isDefault(InjectionPoint point) {
    return point.getQualifiers().stream()
        .allMatch(q -> q.annotationType() == Default.class || q.annotationType() == Any.class);
  }
}
